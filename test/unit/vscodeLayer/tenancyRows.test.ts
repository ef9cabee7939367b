import './fakeVscode';
import * as assert from 'assert';
import type { ProfileNode, TenancyInfoNode } from '../../../src/core/tenancy/profileNodes';
import type { GroupNode, RuleNode, SubscriptionNode, TopicNode } from '../../../src/core/tenancy/resourceNodes';
import { resourceItem } from '../../../src/tenancy/resourceItems';

const profile = (endpoint?: string): ProfileNode => ({
  kind: 'profile',
  profile: { name: endpoint ? 'EMULATOR' : 'DEFAULT', values: {} } as unknown as ProfileNode['profile'],
  file: '/home/u/.oci/config',
  isDefault: true,
  regionSwitched: false,
  ...(endpoint ? { endpoint } : {}),
});

function group(p: ProfileNode, kind: GroupNode['group']): GroupNode {
  const tenancy: TenancyInfoNode = { kind: 'tenancy', parent: p, id: 'ocid1.tenancy.oc1..t', name: 'acme' };
  return { kind: 'group', parent: tenancy, profile: p, group: kind, compartmentId: 'ocid1.compartment.oc1..c' };
}

const rule = (isEnabled: boolean, lifecycleState = 'ACTIVE'): RuleNode => {
  const p = profile();
  return {
    kind: 'rule',
    parent: group(p, 'rules'),
    profile: p,
    rule: {
      id: 'ocid1.eventrule.oc1..r',
      displayName: 'bucket-changes',
      lifecycleState,
      isEnabled,
      condition: '{"eventType":"com.oraclecloud.objectstorage.createobject"}',
      compartmentId: 'ocid1.compartment.oc1..c',
    },
  };
};

describe('Tenancy view rows, as drawn', () => {
  it('marks a disabled rule in its description and its menu, and shows its condition pretty-printed on hover', () => {
    const item = resourceItem(rule(false)) as unknown as {
      label: string;
      description?: string;
      contextValue?: string;
      tooltip: { value: string };
    };
    assert.strictEqual(item.label, 'bucket-changes');
    assert.strictEqual(item.description, 'disabled');
    assert.strictEqual(item.contextValue, 'oew.rule.disabled');
    assert.match(item.tooltip.value, /"eventType": "com\.oraclecloud\.objectstorage\.createobject"/);
    const enabled = resourceItem(rule(true, 'CREATING')) as unknown as { description?: string; contextValue: string };
    assert.strictEqual(enabled.description, 'CREATING');
    assert.strictEqual(enabled.contextValue, 'oew.rule.enabled');
  });

  it('never shows a subscription’s credentials, and marks one that waits for confirmation', () => {
    const p = profile();
    const topic: TopicNode = {
      kind: 'topic',
      parent: group(p, 'topics'),
      profile: p,
      topic: { topicId: 'ocid1.onstopic.oc1..t', name: 'alerts', lifecycleState: 'ACTIVE', compartmentId: 'c' },
    };
    const node: SubscriptionNode = {
      kind: 'subscription',
      parent: topic,
      profile: p,
      subscription: {
        id: 'ocid1.onssubscription.oc1..s',
        protocol: 'CUSTOM_HTTPS',
        endpoint: 'https://hook:s3cret-pw@hooks.example.com/oci',
        lifecycleState: 'PENDING',
        topicId: topic.topic.topicId,
        compartmentId: 'c',
      },
    };
    const item = resourceItem(node) as unknown as {
      label: string;
      description: string;
      tooltip: string;
      contextValue: string;
    };
    assert.ok(!JSON.stringify(item).includes('s3cret-pw'), JSON.stringify(item));
    assert.strictEqual(item.label, 'https://hook:<redacted>@hooks.example.com/oci');
    assert.strictEqual(item.description, 'CUSTOM_HTTPS · PENDING: waiting for confirmation');
    assert.strictEqual(item.contextValue, 'oew.subscription.pending');
  });

  it('offers the inbox only on a topic of an emulator profile', () => {
    const topicOf = (p: ProfileNode): TopicNode => ({
      kind: 'topic',
      parent: group(p, 'topics'),
      profile: p,
      topic: { topicId: 'ocid1.onstopic.oc1..t', name: 'alerts', lifecycleState: 'ACTIVE', compartmentId: 'c' },
    });
    const local = resourceItem(topicOf(profile('http://127.0.0.1:9000'))) as unknown as { contextValue: string };
    const remote = resourceItem(topicOf(profile())) as unknown as { contextValue: string };
    assert.strictEqual(local.contextValue, 'oew.topic.local');
    assert.strictEqual(remote.contextValue, 'oew.topic');
  });
});
