import * as assert from 'assert';
import { buildOciEvent, serviceSegment } from '../../../src/core/payloads/ociEvent';

describe('OCI event envelope builder', () => {
  const time = new Date('2026-11-24T10:00:00.123Z');

  it('builds a CloudEvents 0.1 envelope as real events are delivered', () => {
    const event = buildOciEvent({
      eventType: 'com.oraclecloud.objectstorage.createobject',
      source: 'ObjectStorage',
      eventID: '7f0f0e5a-0000-4000-8000-000000000001',
      eventTime: time,
      additionalDetails: { bucketName: 'b', namespace: 'ns' },
    });
    assert.strictEqual(event.cloudEventsVersion, '0.1');
    assert.strictEqual(event.eventTypeVersion, '2.0');
    assert.strictEqual(event.eventTime, '2026-11-24T10:00:00Z');
    assert.strictEqual(event.contentType, 'application/json');
    assert.strictEqual(event.source, 'ObjectStorage');
    assert.strictEqual(event.extensions.compartmentId, event.data.compartmentId);
    assert.deepStrictEqual(event.data.freeformTags, { Department: 'Finance' });
    assert.strictEqual(event.data.freeFormTags, undefined);
    assert.match(event.data.resourceId, /^\/n\/[^/]+\/b\/[^/]+\/o\//);
    assert.deepStrictEqual(event.data.additionalDetails, { bucketName: 'b', namespace: 'ns' });
  });

  it('builds the docs variant: eventTypeVersion 1.0 and freeFormTags', () => {
    const event = buildOciEvent({ eventType: 'com.oraclecloud.objectstorage.deletebucket', variant: 'docs' });
    assert.strictEqual(event.eventTypeVersion, '1.0');
    assert.deepStrictEqual(event.data.freeFormTags, { Department: 'Finance' });
    assert.strictEqual(event.data.freeformTags, undefined);
    assert.strictEqual(event.source, 'objectstorage');
  });

  it('gives each event a UUID, not an OCID', () => {
    const a = buildOciEvent({ eventType: 'com.oraclecloud.computeapi.launchinstance.end' });
    const b = buildOciEvent({ eventType: 'com.oraclecloud.computeapi.launchinstance.end' });
    assert.match(a.eventID, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notStrictEqual(a.eventID, b.eventID);
    assert.match(a.data.resourceId, /^ocid1\.computeapi\.oc1\./);
  });

  it('reads the service from the event type', () => {
    assert.strictEqual(serviceSegment('com.oraclecloud.virtualnetwork.createvcn'), 'virtualnetwork');
  });
});
