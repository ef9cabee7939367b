import './fakeVscode';
import * as assert from 'assert';
import type { TopicNode } from '../../../src/core/tenancy/resourceNodes';
import { prompts } from '../../../src/platform/prompts';
import { deleteTopic } from '../../../src/tenancy/commands/topicCommands';
import type { TenancyContext } from '../../../src/tenancy/tenancyContext';

/** A topic, and a context that records what the command asked the service and the tree to do. */
function fixture() {
  const calls: string[] = [];
  const topic = {
    kind: 'topic',
    parent: { kind: 'group' },
    profile: { kind: 'profile', profile: { name: 'DEFAULT' } },
    topic: { topicId: 'ocid1.onstopic.oc1..t', name: 'alerts', etag: 'etag-1', lifecycleState: 'ACTIVE' },
  } as unknown as TopicNode;
  const clients = {
    deleteTopic: (id: string, etag: string | undefined) => (
      calls.push(`deleteTopic ${id} if-match ${etag}`),
      Promise.resolve()
    ),
  };
  const ctx = {
    log: { warn: () => undefined },
    tenancy: {
      clientsFor: () => (calls.push('clientsFor'), Promise.resolve(clients)),
      resources: {
        topicRules: { targeting: () => ({ rules: [{ displayName: 'audit-to-alerts' }], complete: true }) },
        refresh: () => calls.push('refresh Topics'),
      },
    },
  } as unknown as TenancyContext;
  const run = deleteTopic.run as (ctx: TenancyContext, node: TopicNode) => Promise<boolean>;
  return { calls, run: () => run(ctx, topic) };
}

describe('What the VS Code layer’s commands decide', () => {
  afterEach(() => prompts.clearScript());

  it('deletes nothing, and calls nothing, when the user cancels Delete Topic', async () => {
    const { calls, run } = fixture();
    prompts.script({ to: 'Delete topic alerts?', answer: undefined });
    assert.strictEqual(await run(), false);
    assert.deepStrictEqual(calls, []);
    assert.strictEqual(prompts.unanswered.length, 0, 'the user was asked');
  });

  it('deletes a topic with the ETag it was listed with, then reloads its Topics', async () => {
    const { calls, run } = fixture();
    prompts.script({ to: 'Delete topic alerts?', answer: 'Delete' });
    assert.strictEqual(await run(), true);
    assert.deepStrictEqual(calls, [
      'clientsFor',
      'deleteTopic ocid1.onstopic.oc1..t if-match etag-1',
      'refresh Topics',
    ]);
  });

  it('names the rules that stop notifying in the question, before anything is deleted', async () => {
    prompts.script({ to: 'Delete topic alerts?', answer: undefined });
    await fixture().run();
    assert.match(prompts.asked[0].detail ?? '', /Rules that send to it stop notifying: audit-to-alerts\./);
  });
});

describe('The Prompts seam', () => {
  afterEach(() => prompts.clearScript());

  it('refuses a scripted answer its input box would refuse, with the box’s own message', async () => {
    prompts.script({ to: 'Topic name', answer: 'bad name!' });
    await assert.rejects(
      prompts.input({
        title: 'Topic name',
        validateInput: (v) => (/^[\w-]+$/.test(v) ? undefined : 'Letters, digits, - and _ only.'),
      }),
      (err: Error & { nextStep?: string }) =>
        err.message === 'Letters, digits, - and _ only.' && /refused/.test(err.nextStep ?? ''),
    );
  });

  it('picks an item by its label or the start of it, and refuses a choice the question does not offer', async () => {
    prompts.script({ to: 'Inbox Settings', answer: 'Response status' });
    const picked = await prompts.pick([{ label: 'Response delay: 0 ms' }, { label: 'Response status: 200' }], {
      title: 'Inbox Settings',
    });
    assert.strictEqual(picked?.label, 'Response status: 200');
    prompts.script({ to: 'Delete rule', answer: 'Remove' });
    await assert.rejects(
      prompts.confirm('Delete rule x?', 'detail', 'Delete'),
      /offers Delete, not the scripted Remove/,
    );
  });

  it('answers every matching question with an answer marked always, until the script is cleared', async () => {
    prompts.script({ to: 'Deploy it anyway?', answer: 'Deploy', always: true });
    assert.ok(await prompts.confirm('Rule a has 1 warning. Deploy it anyway?', '', 'Deploy'));
    assert.ok(await prompts.confirm('Rule b has 2 warnings. Deploy it anyway?', '', 'Deploy'));
    assert.strictEqual(prompts.unanswered.length, 0);
  });
});
