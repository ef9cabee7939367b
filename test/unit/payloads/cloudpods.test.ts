import * as assert from 'assert';
import { createHmac } from 'crypto';
import {
  buildCloudpodsEvent,
  buildCloudpodsValidate,
  buildCloudpodsVerify,
  VERIFY_MESSAGE,
} from '../../../src/core/payloads/cloudpods';
import { goJson } from '../../../src/core/payloads/goJson';

const URL = 'https://hooks.example.invalid/cloudpods';
const HOST_UPDATE = {
  resourceType: 'host',
  action: 'update',
  result: 'succeed' as const,
  resourceDetails: { name: 'yunion', mem_size: 11957, access_ip: '' },
};

describe('Cloudpods webhook templates', () => {
  it('sends a resource event with the notify service’s headers and X-Yunion-Event RESOURCE/ACTION', () => {
    const request = buildCloudpodsEvent(URL, HOST_UPDATE, { header: { Test: 'test' } });
    assert.deepStrictEqual(request.headers, {
      'Content-Type': 'application/json',
      'User-Agent': 'yunioncloud-go/201708',
      Accept: '*/*',
      'Accept-Encoding': '*',
      'X-Yunion-Event': 'HOST/UPDATE',
      Test: 'test',
    });
    assert.strictEqual(
      buildCloudpodsEvent(URL, { ...HOST_UPDATE, result: 'failed' }).headers['X-Yunion-Event'],
      'HOST/UPDATE/FAILED',
    );
  });

  it('puts the event fields, the raw message under msg_key, and the robot’s body last, as Go serialises them', () => {
    const request = buildCloudpodsEvent(URL, HOST_UPDATE, { msgKey: 'test', body: { body_test: 'test' } });
    const body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(body), [
      'action',
      'body_test',
      'resource_details',
      'resource_type',
      'result',
      'test',
    ]);
    assert.strictEqual(
      body.test,
      '{"action":"update","resource_details":{"access_ip":"","mem_size":11957,"name":"yunion"},"resource_type":"host","result":"succeed"}',
    );
    assert.deepStrictEqual(
      [body.action, body.resource_type, body.result, body.body_test],
      ['update', 'host', 'succeed', 'test'],
    );
    assert.deepStrictEqual(request.warnings, []);
    assert.ok('Msg' in (JSON.parse(buildCloudpodsEvent(URL, HOST_UPDATE).body.toString()) as object), 'Msg by default');
  });

  it('warns that the message is lost when the robot’s body sets msg_key', () => {
    const request = buildCloudpodsEvent(URL, HOST_UPDATE, { body: { Msg: 'overwritten' } });
    assert.strictEqual((JSON.parse(request.body.toString()) as { Msg: string }).Msg, 'overwritten');
    assert.match(request.warnings[0], /the event message is lost/);
  });

  it('signs the exact body bytes with the robot’s secret as hex HMAC-SHA256 in X-Auth-Token', () => {
    const request = buildCloudpodsEvent(URL, HOST_UPDATE, { secretKey: 'k3y' });
    assert.strictEqual(request.headers['X-Auth-Token'], createHmac('sha256', 'k3y').update(request.body).digest('hex'));
    assert.match(request.headers['X-Auth-Token'], /^[0-9a-f]{64}$/);
  });

  it('sends text instead of JSON with --use-template', () => {
    const request = buildCloudpodsEvent(URL, HOST_UPDATE, { useTemplate: true });
    assert.strictEqual(request.headers['Content-Type'], 'text/plain; charset=utf-8');
    assert.strictEqual(request.body.toString('utf8'), 'host yunion: update succeed');
  });

  it('sends the documented VALIDATE call as 37 bytes of compact JSON', () => {
    const request = buildCloudpodsValidate(URL);
    assert.strictEqual(request.body.toString('utf8'), '{"Msg":"This is a validate message."}');
    assert.strictEqual(request.body.length, 37);
    assert.strictEqual(request.headers['X-Yunion-Event'], 'VALIDATE');
    assert.deepStrictEqual([request.headers.Accept, request.headers['Accept-Encoding']], ['*/*', '*']);
  });

  it('sends the current code’s verification without X-Yunion-Event', () => {
    const request = buildCloudpodsVerify(URL);
    assert.strictEqual(request.body.toString('utf8'), JSON.stringify({ Msg: VERIFY_MESSAGE }));
    assert.ok(!('X-Yunion-Event' in request.headers));
  });

  it('writes JSON as Go does: sorted keys, and <, >, & escaped', () => {
    assert.strictEqual(
      goJson({ b: '<a & b>', a: [{ d: 1, c: 2 }] }),
      '{"a":[{"c":2,"d":1}],"b":"\\u003ca \\u0026 b\\u003e"}',
    );
  });
});
