import * as assert from 'assert';
import { createHmac } from 'crypto';
import { EventTypeCatalogue } from '../../../src/core/condition/catalogue';
import { referenceCatalog } from '../../../src/core/fusion/referenceCatalog';
import { buildTemplate, WEBHOOK_TEMPLATES } from '../../../src/core/payloads/templates/webhookTemplates';
import { TEMPLATE_IDS, TemplateInput } from '../../../src/core/payloads/templates/templateTypes';

const context = { catalogue: EventTypeCatalogue.builtin(), fusionEvents: referenceCatalog() };
const URL = 'https://receiver.example.invalid/hook';
const NOW = new Date('2026-11-28T10:20:30.456Z');

function build(id: string, input: Partial<TemplateInput> = {}) {
  return buildTemplate(id, { url: URL, now: NOW, ...input }, context);
}

function json(body: Buffer): Record<string, unknown> {
  return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
}

describe('Webhook templates', () => {
  it('offers every template id the CLI documents, each with a title and a description', () => {
    assert.deepStrictEqual(
      WEBHOOK_TEMPLATES.map((t) => t.id),
      [...TEMPLATE_IDS],
    );
    for (const template of WEBHOOK_TEMPLATES) {
      assert.ok(template.title && template.description, template.id);
    }
  });

  describe('oci-event', () => {
    it('builds a CloudEvents 0.1 envelope for a catalogued type, with the catalogue’s source and details', () => {
      const request = build('oci-event', {
        fields: { eventType: 'com.oraclecloud.computeapi.launchinstance.end', compartmentName: 'prod' },
      });
      assert.strictEqual(request.method, 'POST');
      assert.strictEqual(request.url, URL);
      assert.deepStrictEqual(request.headers, { 'Content-Type': 'application/json' });
      const envelope = json(request.body);
      assert.strictEqual(envelope.cloudEventsVersion, '0.1');
      assert.strictEqual(envelope.eventType, 'com.oraclecloud.computeapi.launchinstance.end');
      assert.strictEqual(envelope.eventTypeVersion, '2.0');
      assert.strictEqual(envelope.contentType, 'application/json');
      assert.strictEqual(envelope.eventTime, '2026-11-28T10:20:30Z');
      assert.strictEqual(
        envelope.source,
        context.catalogue.get('com.oraclecloud.computeapi.launchinstance.end')?.envelopeSource ?? 'computeapi',
      );
      const data = envelope.data as Record<string, unknown>;
      assert.strictEqual(data.compartmentName, 'prod');
      assert.ok('freeformTags' in data, 'real events spell freeformTags');
      assert.deepStrictEqual((envelope.extensions as Record<string, unknown>).compartmentId, data.compartmentId);
      assert.deepStrictEqual(request.warnings, []);
    });

    it('builds the documented variant on request, and warns about a type the catalogue lacks with the nearest one', () => {
      const docs = json(build('oci-event', { fields: { variant: 'docs' } }).body);
      assert.strictEqual(docs.eventTypeVersion, '1.0');
      assert.ok('freeFormTags' in (docs.data as object));
      const typo = build('oci-event', { fields: { eventType: 'com.oraclecloud.objectstorage.createobjekt' } });
      assert.match(
        typo.warnings[0],
        /not in the event type catalogue \(did you mean com\.oraclecloud\.objectstorage\.createobject\?\)/,
      );
    });

    it('sends a body of the user’s own byte for byte, and warns when it is not JSON', () => {
      const body = Buffer.from('{"eventType":"x",  "spaced": true}');
      assert.ok(build('oci-event', { body }).body.equals(body));
      assert.match(build('oci-event', { body: Buffer.from('<xml/>') }).warnings[0], /not JSON/);
    });
  });

  describe('ons-notification and ons-confirmation (ons.md)', () => {
    it('sends the envelope as the body with every X-OCI-NS-* header ONS documents', () => {
      const request = build('ons-notification', {
        fields: { topicName: 'orders', eventType: 'com.oraclecloud.objectstorage.createobject', messageId: 'm-1' },
      });
      const h = request.headers;
      assert.strictEqual(h['Content-Type'], 'application/json');
      assert.strictEqual(h['X-OCI-NS-MessageId'], 'm-1');
      assert.strictEqual(h['X-OCI-NS-TopicName'], 'orders');
      assert.match(h['X-OCI-NS-TopicOcid'], /^ocid1\.onstopic\./);
      assert.strictEqual(h['X-OCI-NS-MessageType'], 'Notification');
      assert.strictEqual(h['X-OCI-NS-Timestamp'], '2026-11-28T10:20:30.456+0000');
      assert.strictEqual(h['X-OCI-NS-SignatureVersion'], '1.0');
      assert.match(
        h['X-OCI-NS-UnsubscribeURL'],
        /^https:\/\/notification\.us-ashburn-1\.oraclecloud\.com\/20181201\/subscriptions\/ocid1\.onssubscription\.[^/]+\/unsubscription\?token=[0-9a-f]+&protocol=CUSTOM_HTTPS$/,
      );
      assert.strictEqual(json(request.body).eventType, 'com.oraclecloud.objectstorage.createobject');
    });

    it('puts the ConfirmationURL both in a header and in the body, with the Pending state', () => {
      const request = build('ons-confirmation', {
        fields: {
          confirmationUrl: 'http://127.0.0.1:9/confirm?token=t',
          subscriptionId: 'ocid1.onssubscription.oc1..s',
        },
      });
      assert.strictEqual(request.headers['X-OCI-NS-MessageType'], 'SubscriptionConfirmation');
      assert.strictEqual(request.headers['X-OCI-NS-ConfirmationURL'], 'http://127.0.0.1:9/confirm?token=t');
      assert.strictEqual(request.headers['X-OCI-NS-SubscriptionId'], 'ocid1.onssubscription.oc1..s');
      assert.strictEqual(request.headers['X-OCI-NS-State'], 'Pending');
      assert.strictEqual(json(request.body).ConfirmationURL, 'http://127.0.0.1:9/confirm?token=t');
      const unusual = build('ons-confirmation', { url: `${URL}?a=1`, headers: { 'X-Mine': '1' } });
      assert.deepStrictEqual(unusual.warnings.length, 2, 'ONS would refuse a query and sends no custom headers');
      const regional = build('ons-confirmation', { fields: { region: 'eu-frankfurt-1' } });
      assert.match(
        regional.headers['X-OCI-NS-ConfirmationURL'],
        /^https:\/\/notification\.eu-frankfurt-1\.oraclecloud\.com\/20181201\/subscriptions\/.+\/confirmation\?token=[0-9a-f]+&protocol=CUSTOM_HTTPS$/,
      );
      assert.throws(() => build('ons-confirmation', { body: Buffer.from('{}') }), /builds its own body/);
    });
  });

  describe('fusion-event', () => {
    it('wraps the reference event’s payload in onEvent, as text/xml', () => {
      const request = build('fusion-event', { fields: { event: 'ApInvoiceCreated' } });
      assert.strictEqual(request.headers['Content-Type'], 'text/xml; charset=utf-8');
      const xml = request.body.toString('utf8');
      assert.match(
        xml,
        /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ns01:onEvent xmlns:ns01="http:\/\/xmlns\.oracle\.com\/apps\/financials\/payables\/invoices\/transactions\/model\/entity\/events"/,
      );
      assert.match(build('fusion-event').body.toString('utf8'), /PurchaseOrder/);
    });

    it('names the nearest events when the event is not in the catalog', () => {
      assert.throws(
        () => build('fusion-event', { fields: { event: '{urn:x}ApInvoiceCreate' } }),
        /not in the reference Fusion catalog; did you mean .*ApInvoiceCreated/,
      );
    });
  });

  describe('cloudpods (webhooks.md)', () => {
    it('sends a resource event with X-Yunion-Event, the notify User-Agent, and the message under msg_key', () => {
      const request = build('cloudpods-event', {
        fields: { resource_type: 'server', action: 'create', msg_key: 'text', body: '{"env":"prod"}' },
        headers: { Test: 'test' },
      });
      assert.strictEqual(request.headers['X-Yunion-Event'], 'SERVER/CREATE');
      assert.strictEqual(request.headers['User-Agent'], 'yunioncloud-go/201708');
      assert.strictEqual(request.headers.Test, 'test');
      const body = json(request.body);
      assert.strictEqual(body.action, 'create');
      assert.strictEqual(body.resource_type, 'server');
      assert.strictEqual(body.env, 'prod');
      assert.deepStrictEqual(JSON.parse(body.text as string), {
        action: 'create',
        resource_details: { name: 'yunion', status: 'running' },
        resource_type: 'server',
        result: 'succeed',
      });
    });

    it('warns that the message is lost when the robot’s body reuses msg_key', () => {
      const request = build('cloudpods-event', { fields: { body: '{"Msg":"mine"}' } });
      assert.strictEqual(json(request.body).Msg, 'mine');
      assert.match(request.warnings[0], /message is lost/);
    });

    it('signs the exact bytes sent with the secret (X-Auth-Token)', () => {
      for (const id of ['cloudpods-event', 'cloudpods-validate', 'cloudpods-verify']) {
        const request = build(id, { secret: 's3cr3t' });
        assert.strictEqual(
          request.headers['X-Auth-Token'],
          createHmac('sha256', 's3cr3t').update(request.body).digest('hex'),
          id,
        );
      }
    });

    it('sends VALIDATE as exactly 37 bytes of compact JSON, and verify without X-Yunion-Event', () => {
      const validate = build('cloudpods-validate');
      assert.strictEqual(validate.body.length, 37);
      assert.strictEqual(validate.body.toString(), '{"Msg":"This is a validate message."}');
      assert.strictEqual(validate.headers['X-Yunion-Event'], 'VALIDATE');
      assert.strictEqual(validate.headers.Accept, '*/*');
      assert.strictEqual(validate.headers['Accept-Encoding'], '*');
      const verify = build('cloudpods-verify');
      assert.ok(!('X-Yunion-Event' in verify.headers));
      assert.strictEqual(verify.body.toString(), '{"Msg":"This is a verification message, please ignore."}');
    });

    it('sends text with use_template=true', () => {
      const request = build('cloudpods-event', { fields: { use_template: 'true' } });
      assert.match(request.headers['Content-Type'], /^text\/plain/);
      assert.throws(() => JSON.parse(request.body.toString()));
    });
  });

  describe('oic-rest and custom', () => {
    it('carries Basic, Bearer or OAuth2 credentials to be applied at send time, and asks for what is missing', () => {
      assert.deepStrictEqual(
        build('oic-rest', { fields: { auth: 'basic', username: 'int.user' }, secret: 'pw' }).auth,
        {
          kind: 'basic',
          username: 'int.user',
          password: 'pw',
        },
      );
      assert.deepStrictEqual(build('oic-rest', { fields: { auth: 'bearer' }, secret: 'tok' }).auth, {
        kind: 'bearer',
        token: 'tok',
      });
      assert.deepStrictEqual(
        build('oic-rest', {
          fields: {
            auth: 'oauth2',
            tokenUrl: 'https://idcs.example.invalid/oauth2/v1/token',
            clientId: 'c',
            scope: 's',
          },
          secret: 'cs',
        }).auth,
        {
          kind: 'oauth2',
          tokenUrl: 'https://idcs.example.invalid/oauth2/v1/token',
          clientId: 'c',
          clientSecret: 'cs',
          scope: 's',
        },
      );
      assert.throws(() => build('oic-rest', { fields: { auth: 'basic' }, secret: 'pw' }), /needs username/);
      assert.throws(() => build('oic-rest', { fields: { auth: 'bearer' } }), /needs a secret/);
      const plain = build('oic-rest');
      assert.strictEqual(plain.auth, undefined);
      assert.strictEqual(plain.body.toString(), '{}');
      assert.strictEqual(plain.headers['Content-Type'], 'application/json');
    });

    it('sends any method and body with custom, and a header given twice in other case replaces the template’s', () => {
      const request = build('custom', {
        fields: { method: 'PUT', contentType: 'application/xml' },
        body: Buffer.from('<a/>'),
        headers: { 'content-type': 'text/xml' },
      });
      assert.strictEqual(request.method, 'PUT');
      assert.deepStrictEqual(request.headers, { 'content-type': 'text/xml' });
      assert.deepStrictEqual(build('custom', { fields: { method: 'GET' } }).headers, {});
    });
  });

  it('rejects an unknown template, an unknown field and a value outside a field’s list, naming what is accepted', () => {
    assert.throws(() => build('slack'), /no template "slack"; the templates are oci-event, .*custom/);
    assert.throws(
      () => build('oci-event', { fields: { evenType: 'x' } }),
      /no field evenType; its fields are eventType, variant/,
    );
    assert.throws(
      () => build('cloudpods-event', { fields: { result: 'ok' } }),
      /result must be one of succeed, failed/,
    );
    assert.throws(() => build('cloudpods-event', { fields: { resource_details: '[1]' } }), /must be a JSON object/);
  });
});
