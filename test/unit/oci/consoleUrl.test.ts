import * as assert from 'assert';
import { consoleUrl } from '../../../src/core/oci/consoleUrl';

describe('OCI Console addresses', () => {
  const region = 'eu-frankfurt-1';

  it('opens topics, rules and compartments of the commercial realm in the profile’s region', () => {
    const topic = 'ocid1.onstopic.oc1.eu-frankfurt-1.aaaa';
    assert.deepStrictEqual(consoleUrl({ kind: 'topic', id: topic, region }), {
      url: `https://cloud.oracle.com/notification/topics/${topic}?region=eu-frankfurt-1`,
    });
    assert.deepStrictEqual(consoleUrl({ kind: 'rule', id: 'ocid1.eventrule.oc1.eu-frankfurt-1.bbbb', region }), {
      url: 'https://cloud.oracle.com/events/rules/ocid1.eventrule.oc1.eu-frankfurt-1.bbbb?region=eu-frankfurt-1',
    });
    assert.deepStrictEqual(consoleUrl({ kind: 'compartment', id: 'ocid1.compartment.oc1..cccc', region }), {
      url: 'https://cloud.oracle.com/identity/compartments/ocid1.compartment.oc1..cccc?region=eu-frankfurt-1',
    });
  });

  it('opens a subscription on its topic’s page, where the console lists it', () => {
    const topicId = 'ocid1.onstopic.oc1.iad.aaaa';
    assert.deepStrictEqual(
      consoleUrl({ kind: 'subscription', id: 'ocid1.onssubscription.oc1.iad.dddd', topicId, region: 'us-ashburn-1' }),
      { url: `https://cloud.oracle.com/notification/topics/${topicId}?region=us-ashburn-1` },
    );
  });

  it('says so for a realm whose console address is not known, rather than opening a wrong one', () => {
    const result = consoleUrl({ kind: 'topic', id: 'ocid1.onstopic.oc2.us-langley-1.aaaa', region: 'us-langley-1' });
    assert.match('reason' in result ? result.reason : '', /realm oc2 is not known/);
  });
});
