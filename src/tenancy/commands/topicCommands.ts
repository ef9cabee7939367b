import * as vscode from 'vscode';
import { UserError } from '../../core/errors/userError';
import { checkMessage, MAX_MESSAGE_BYTES } from '../../core/ons/messageSize';
import { checkTopicName } from '../../core/ons/topicName';
import { profileOf } from '../resourceLists';
import { CompartmentNode, GroupNode, TopicNode } from '../../core/tenancy/resourceNodes';
import { TenancyInfoNode } from '../../core/tenancy/profileNodes';
import { changeWithProgress, withOciProgress } from '../ociProgress';
import { prompts } from '../../platform/prompts';
import { placeRow, topicRow } from '../../core/tenancy/tenancyArgs';
import { TenancyContext, tenancyCommand } from '../tenancyContext';

/** Where a new topic goes: a compartment (or the tenancy, the root compartment), or its Topics row. */
type TopicPlace = TenancyInfoNode | CompartmentNode | GroupNode;

/** Creates a topic in a compartment, then reloads that compartment's Topics and nothing else. */
export const createTopic = tenancyCommand({
  id: 'oew.tenancy.createTopic',
  args: [placeRow],
  run: async (ctx, node: TopicPlace) => {
    const group = node.kind === 'group' ? node : ctx.tenancy.resources.groupOf(node, 'topics');
    const profile = profileOf(group);
    const known = ctx.tenancy.resources.loadedTopicNames(profile);
    const name = await prompts.input({
      title: vscode.l10n.t('Create Topic'),
      prompt: vscode.l10n.t(
        'The topic’s name: unique across the tenancy (case-sensitive). It appears in confirmation messages.',
      ),
      validateInput: (value) => checkTopicName(value, known),
    });
    if (name === undefined) {
      return undefined;
    }
    const problem = checkTopicName(name, known);
    if (problem) {
      throw new UserError(problem, vscode.l10n.t('Choose another name.'));
    }
    const description = await prompts.input({
      title: vscode.l10n.t('Create Topic {0}', name),
      prompt: vscode.l10n.t('A description (optional)'),
    });
    if (description === undefined) {
      return undefined;
    }
    const clients = await ctx.tenancy.clientsFor(profile);
    return withOciProgress(
      ctx.log,
      vscode.l10n.t('Creating topic {0}…', name),
      async (retry) => {
        const topic = await clients.createTopic(group.compartmentId, name, description || undefined, retry);
        ctx.tenancy.resources.refresh(group);
        return topic;
      },
      vscode.l10n.t(
        'Stopped waiting. If OCI received the request, topic {0} appears in the tree when it is created.',
        name,
      ),
    );
  },
});

/** Deletes a topic and its subscriptions, after a modal that names it, with the ETag it was listed with. */
export const deleteTopic = tenancyCommand({
  id: 'oew.tenancy.deleteTopic',
  args: [topicRow],
  run: async (ctx, node: TopicNode) => {
    const { topic } = node;
    if (
      !(await prompts.confirm(
        vscode.l10n.t('Delete topic {0}?', topic.name),
        topicDeleteDetail(ctx, node),
        vscode.l10n.t('Delete'),
      ))
    ) {
      return false;
    }
    const profile = node.profile;
    const clients = await ctx.tenancy.clientsFor(profile);
    // Also after a 412 or 404 the list reloads: the tree then shows what is there now.
    return changeWithProgress(
      ctx.log,
      vscode.l10n.t('Deleting topic {0}…', topic.name),
      (retry) => clients.deleteTopic(topic.topicId, topic.etag, retry),
      () => ctx.tenancy.resources.refresh(node.parent),
    );
  },
});

function topicDeleteDetail(ctx: TenancyContext, node: TopicNode): string {
  const targeting = ctx.tenancy.resources.topicRules.targeting(node);
  const names = targeting.rules.map((r) => r.displayName).join(', ');
  const rules = targeting.rules.length
    ? ` ${
        targeting.complete
          ? vscode.l10n.t('Rules that send to it stop notifying: {0}.', names)
          : vscode.l10n.t('Among the rules read so far, rules that send to it stop notifying: {0}.', names)
      }`
    : '';
  return `${vscode.l10n.t('Its subscriptions are deleted with it, and messages in delivery are lost.')}${rules} ${node.topic.topicId}`;
}

/** Publishes a message with a title and body to every confirmed subscription of a topic. */
export const publishMessage = tenancyCommand({
  id: 'oew.tenancy.publishMessage',
  args: [topicRow],
  run: async (ctx, node: TopicNode) => {
    const { topic } = node;
    const title = await prompts.input({
      title: vscode.l10n.t('Publish to {0}', topic.name),
      prompt: vscode.l10n.t('Title (the subject of email deliveries)'),
      value: vscode.l10n.t('Test message from OCI Event Workbench'),
    });
    if (title === undefined) {
      return undefined;
    }
    const body = await prompts.input({
      title: vscode.l10n.t('Publish to {0}', topic.name),
      prompt: vscode.l10n.t('Body, at most 64 KB ({0} bytes) with the title', MAX_MESSAGE_BYTES),
      validateInput: (value) => checkMessage(title, value),
    });
    if (body === undefined) {
      return undefined;
    }
    const problem = checkMessage(title, body);
    if (problem) {
      throw new UserError(problem, vscode.l10n.t('Shorten the message, or send a link to the content instead.'));
    }
    const clients = await ctx.tenancy.clientsFor(node.profile);
    const result = await withOciProgress(
      ctx.log,
      vscode.l10n.t('Publishing to {0}…', topic.name),
      (retry) => clients.publishMessage(topic.topicId, { title, body }, retry),
      vscode.l10n.t('Stopped waiting: the message may still be published.'),
    );
    if (result) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Published message {0} to {1}: its confirmed subscriptions receive it.',
          result.messageId,
          topic.name,
        ),
      );
    }
    return result;
  },
});
