import * as assert from 'assert';
import { RuleDetails } from '../../../src/core/rules/ruleDocument';
import { cliCreateCommand, terraformResource } from '../../../src/core/rules/ruleExport';

const COMPARTMENT = 'ocid1.compartment.oc1..example';
const TOPIC = 'ocid1.onstopic.oc1.iad.example';
const details: RuleDetails = {
  displayName: "Bob's uploads",
  description: 'Uploads to ${bucket}',
  isEnabled: true,
  condition:
    '{"eventType":["com.oraclecloud.objectstorage.createobject"],"data":{"additionalDetails":{"bucketName":["uploads"]}}}',
  actions: { actions: [{ actionType: 'ONS', topicId: TOPIC, isEnabled: true, description: 'Notify' }] },
};

/** The shell's reading of a command line of single-quoted arguments. */
function cliArguments(command: string): Map<string, string> {
  const args = new Map<string, string>();
  for (const match of command.matchAll(/--([a-z-]+) ('(?:[^']|'\\'')*'|\S+)/g)) {
    const raw = match[2];
    args.set(match[1], raw.startsWith("'") ? raw.slice(1, -1).replace(/'\\''/g, "'") : raw);
  }
  return args;
}

describe('rule export', () => {
  it('writes `oci events rule create` with the documented arguments, each JSON one compact and quoted for the shell', () => {
    const command = cliCreateCommand(details, COMPARTMENT);
    assert.ok(command.startsWith('oci events rule create \\\n  --compartment-id '));
    const args = cliArguments(command);
    assert.deepStrictEqual(
      [...args.keys()],
      ['compartment-id', 'display-name', 'description', 'is-enabled', 'condition', 'actions'],
    );
    assert.strictEqual(args.get('display-name'), "Bob's uploads", 'a quote in a value survives the shell');
    assert.strictEqual(args.get('description'), 'Uploads to ${bucket}', 'nothing is expanded');
    assert.strictEqual(args.get('condition'), details.condition);
    assert.deepStrictEqual(JSON.parse(args.get('actions')!), {
      actions: [{ actionType: 'ONS', topicId: TOPIC, isEnabled: true, description: 'Notify' }],
    });
  });

  it('writes an oci_events_rule resource with the provider’s argument names and the condition in jsonencode', () => {
    assert.strictEqual(
      terraformResource(details, COMPARTMENT),
      `resource "oci_events_rule" "bob_s_uploads" {
  compartment_id = "${COMPARTMENT}"
  display_name   = "Bob's uploads"
  description    = "Uploads to $\${bucket}"
  is_enabled     = true
  condition      = jsonencode({
    "eventType" = ["com.oraclecloud.objectstorage.createobject"]
    "data" = {
      "additionalDetails" = {
        "bucketName" = ["uploads"]
      }
    }
  })

  actions {
    actions {
      action_type = "ONS"
      is_enabled  = true
      topic_id    = "${TOPIC}"
      description = "Notify"
    }
  }
}
`,
    );
  });

  it('names FAAS and OSS targets as the provider does, and a resource whose name starts with a digit', () => {
    const text = terraformResource(
      {
        ...details,
        displayName: '2nd rule',
        actions: {
          actions: [
            { actionType: 'FAAS', functionId: 'ocid1.fnfunc.oc1.iad.f', isEnabled: false },
            { actionType: 'OSS', streamId: 'ocid1.stream.oc1.iad.s', isEnabled: true },
          ],
        },
      },
      COMPARTMENT,
    );
    assert.match(text, /^resource "oci_events_rule" "rule_2nd_rule" \{/);
    assert.match(text, /function_id = "ocid1\.fnfunc\.oc1\.iad\.f"/);
    assert.match(text, /stream_id {3}= "ocid1\.stream\.oc1\.iad\.s"/);
    assert.match(text, /is_enabled {2}= false/);
  });
});
