import * as assert from 'assert';
import * as path from 'path';
import { eventsRoutes } from '../../../src/emulator/http/eventsApi';
import { identityRoutes } from '../../../src/emulator/http/identityApi';
import { onsRoutes } from '../../../src/emulator/http/onsApi';
import { pickerRoutes } from '../../../src/emulator/http/pickerApis';
import { Conformance } from './conformanceCheck';
import { useEmulator } from './sdkHelpers';
import { ClientOperation, Model, readClientOperations, readModels } from './sdkModels';
import { signedHttp, SignedResponse } from './signedHttp';

/** The SDK package of each emulated service, as the emulator names its operations. */
const PACKAGES: Record<string, string> = {
  identity: 'oci-identity',
  events: 'oci-events',
  ons: 'oci-ons',
  functions: 'oci-functions',
  streaming: 'oci-streaming',
};
/**
 * Headers some client reads that no call here should carry: paging backwards (the emulator's
 * pages only go forwards, as the clients here page), work requests of operations it serves
 * synchronously, and retry-after, which only a 429 carries.
 */
const NOT_EXPECTED = new Set(['opc-previous-page', 'opc-prev-page', 'opc-work-request-id', 'retry-after']);

interface Step {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** Called with limit=1 over two or more items, so opc-next-page must be there. */
  readonly paged?: boolean;
  readonly unsigned?: boolean;
}

describe('emulator: conformance to the OCI SDK models', () => {
  const ctx = useEmulator({ dataset: 'demo', compartments: 2, rulesPerCompartment: 2 });

  it('answers every operation it serves with the fields, types, enums, OCIDs and headers the SDK reads', async () => {
    const sdk = new Map<string, { models: Map<string, Model>; operations: Map<string, ClientOperation> }>();
    for (const [service, name] of Object.entries(PACKAGES)) {
      const dir = path.dirname(require.resolve(`${name}/package.json`));
      sdk.set(service, { models: readModels(dir), operations: readClientOperations(dir) });
    }
    const { state, identity, server } = ctx.emulator;
    const call = signedHttp(server.url, identity.configFile, identity.profile);
    const tenancy = state.tenancy.id;
    const [compartment, other] = [...state.compartments.keys()];
    const application = [...state.applications.values()].find(
      (a) => [...state.functions.values()].filter((f) => f.applicationId === a.id).length > 1,
    )!;
    const stream = [...state.streams.values()][0];
    const answers: { step: Step; response: SignedResponse }[] = [];
    const run = async (step: Step) => {
      const response = step.unsigned
        ? await fetch(server.url + step.path).then(async (r) => ({
            status: r.status,
            headers: r.headers,
            text: await r.text(),
          }))
        : await call(step.method, step.path, step.body);
      assert.ok(response.status < 300, `${step.operation}: ${response.status} ${response.text}`);
      answers.push({ step, response });
      return response.text ? (JSON.parse(response.text) as Record<string, string>) : {};
    };
    const action = (topicId: string) => ({ actions: [{ actionType: 'ONS', isEnabled: true, topicId }] });
    const q = encodeURIComponent;

    await run({ operation: 'identity.getTenancy', method: 'GET', path: `/20160918/tenancies/${q(tenancy)}` });
    await run({
      operation: 'identity.getCompartment',
      method: 'GET',
      path: `/20160918/compartments/${q(compartment)}`,
    });
    await run({
      operation: 'identity.listCompartments',
      method: 'GET',
      path: `/20160918/compartments?compartmentId=${q(tenancy)}&compartmentIdInSubtree=true&limit=1`,
      paged: true,
    });
    const topic = await run({
      operation: 'ons.createTopic',
      method: 'POST',
      path: '/20181201/topics',
      body: { name: 'conformance', compartmentId: compartment, freeformTags: { team: 'a' } },
    });
    await run({
      operation: 'ons.createTopic',
      method: 'POST',
      path: '/20181201/topics',
      body: { name: 'second', compartmentId: compartment },
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    await run({ operation: 'ons.getTopic', method: 'GET', path: `/20181201/topics/${topic.topicId}` });
    await run({
      operation: 'ons.listTopics',
      method: 'GET',
      path: `/20181201/topics?compartmentId=${q(compartment)}&limit=1`,
      paged: true,
    });
    await run({
      operation: 'ons.updateTopic',
      method: 'PUT',
      path: `/20181201/topics/${topic.topicId}`,
      body: { description: 'updated' },
    });
    const rule = await run({
      operation: 'events.createRule',
      method: 'POST',
      path: '/20181201/rules',
      body: {
        displayName: 'conformance',
        compartmentId: compartment,
        isEnabled: true,
        condition: '{"eventType":"com.oraclecloud.objectstorage.createobject"}',
        actions: action(topic.topicId),
        definedTags: { Operations: { CostCenter: '42' } },
      },
    });
    await run({ operation: 'events.getRule', method: 'GET', path: `/20181201/rules/${rule.id}` });
    await run({
      operation: 'events.listRules',
      method: 'GET',
      path: `/20181201/rules?compartmentId=${q(compartment)}&limit=1`,
      paged: true,
    });
    await run({
      operation: 'events.updateRule',
      method: 'PUT',
      path: `/20181201/rules/${rule.id}`,
      body: { isEnabled: false },
    });
    await run({
      operation: 'events.changeRuleCompartment',
      method: 'POST',
      path: `/20181201/rules/${rule.id}/actions/changeCompartment`,
      body: { compartmentId: other },
    });
    const email = await run({
      operation: 'ons.createSubscription',
      method: 'POST',
      path: '/20181201/subscriptions',
      body: { topicId: topic.topicId, compartmentId: compartment, protocol: 'EMAIL', endpoint: 'ops@example.com' },
    });
    await run({
      operation: 'ons.createSubscription',
      method: 'POST',
      path: '/20181201/subscriptions',
      body: {
        topicId: topic.topicId,
        compartmentId: compartment,
        protocol: 'ORACLE_FUNCTIONS',
        endpoint: [...state.functions.keys()][0],
      },
    });
    await run({ operation: 'ons.getSubscription', method: 'GET', path: `/20181201/subscriptions/${email.id}` });
    await run({
      operation: 'ons.listSubscriptions',
      method: 'GET',
      path: `/20181201/subscriptions?compartmentId=${q(compartment)}&limit=1`,
      paged: true,
    });
    await run({
      operation: 'ons.resendSubscriptionConfirmation',
      method: 'POST',
      path: `/20181201/subscriptions/${email.id}/resendConfirmation`,
    });
    const token = state.subscriptions.get(email.id)!.confirmationToken;
    await run({
      operation: 'ons.getConfirmSubscription',
      method: 'GET',
      path: `/20181201/subscriptions/${email.id}/confirmation?token=${token}&protocol=EMAIL`,
      unsigned: true,
    });
    await run({
      operation: 'ons.publishMessage',
      method: 'POST',
      path: `/20181201/topics/${topic.topicId}/messages`,
      body: { title: 't', body: 'b' },
    });
    await run({
      operation: 'functions.listApplications',
      method: 'GET',
      path: `/20181201/applications?compartmentId=${q(application.compartmentId)}`,
    });
    await run({
      operation: 'functions.listFunctions',
      method: 'GET',
      path: `/20181201/functions?applicationId=${q(application.id)}&limit=1`,
      paged: true,
    });
    await run({
      operation: 'functions.getFunction',
      method: 'GET',
      path: `/20181201/functions/${[...state.functions.keys()][0]}`,
    });
    await run({
      operation: 'streaming.listStreams',
      method: 'GET',
      path: `/20180418/streams?compartmentId=${q(stream.compartmentId)}`,
    });
    await run({ operation: 'streaming.getStream', method: 'GET', path: `/20180418/streams/${stream.id}` });
    await run({ operation: 'ons.deleteSubscription', method: 'DELETE', path: `/20181201/subscriptions/${email.id}` });
    await run({ operation: 'events.deleteRule', method: 'DELETE', path: `/20181201/rules/${rule.id}` });
    await run({ operation: 'ons.deleteTopic', method: 'DELETE', path: `/20181201/topics/${topic.topicId}` });

    const served = [...identityRoutes, ...eventsRoutes, ...onsRoutes, ...pickerRoutes];
    const called = new Set(answers.map((a) => a.step.operation));
    assert.deepStrictEqual(
      served.map((r) => r.operation).filter((o) => !called.has(o)),
      [],
      'every operation the emulator serves is called here',
    );
    const failures: string[] = [];
    const models = new Set<string>();
    let fields = 0;
    let headers = 0;
    for (const { step, response } of answers) {
      const [service, name] = step.operation.split('.');
      const { models: declared, operations } = sdk.get(service)!;
      const operation = operations.get(name)!;
      const route = served.find((r) => r.operation === step.operation)!;
      const shape = (p: string) => p.replace(/\{\w+\}/g, '{}');
      assert.strictEqual(shape(route.path).replace(/^\/\d{8}/, ''), shape(operation.path), step.operation);
      assert.strictEqual(route.method, operation.method, step.operation);
      const conformance = new Conformance(declared);
      if (operation.body) {
        conformance.check(JSON.parse(response.text), operation.body, step.operation);
      }
      for (const header of operation.headers) {
        const expected = header === 'opc-next-page' ? step.paged : !NOT_EXPECTED.has(header);
        if (expected) {
          headers++;
          if (!response.headers.get(header)) {
            conformance.fail(`${step.operation} header ${header}`, 'sent: the SDK client reads it');
          }
        }
      }
      failures.push(...conformance.failures);
      conformance.modelsChecked.forEach((m) => models.add(`${service}.${m}`));
      fields += conformance.fieldsChecked;
    }
    console.log(
      `      conformance: ${called.size} operations (${answers.length} calls), ${models.size} models, ${fields} fields, ${headers} headers checked`,
    );
    assert.deepStrictEqual(failures, []);
  });
});
