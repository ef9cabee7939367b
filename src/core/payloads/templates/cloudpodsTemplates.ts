import { buildCloudpodsEvent, buildCloudpodsValidate, buildCloudpodsVerify, CloudpodsRobot } from '../cloudpods';
import { WebhookTemplate } from './templateTypes';

const ROBOT_SECRET = "the robot's secret_key: X-Auth-Token becomes the hex HMAC-SHA256 of the body";

export const cloudpodsEventTemplate: WebhookTemplate = {
  id: 'cloudpods-event',
  title: 'Cloudpods resource event',
  platform: 'Cloudpods',
  description:
    "A notify-service webhook for a resource event, with X-Yunion-Event and the robot's header, body and msg_key.",
  fields: [
    { name: 'resource_type', description: 'host, server, disk, …', default: 'host' },
    {
      name: 'action',
      description: 'create, update, delete, sync_create, sync_update, sync_delete, …',
      default: 'update',
    },
    { name: 'result', description: 'succeed or failed.', default: 'succeed', values: ['succeed', 'failed'] },
    {
      name: 'resource_details',
      description: 'The resource as the API shows it, a JSON object.',
      default: '{"name":"yunion","status":"running"}',
      json: true,
    },
    { name: 'msg_key', description: "The robot's msg_key: the key of the raw message (Msg when empty)." },
    { name: 'body', description: "The robot's extra body fields, a JSON object merged last.", json: true },
    {
      name: 'use_template',
      description: 'true sends the text a robot with templates sends, not JSON.',
      default: 'false',
      values: ['true', 'false'],
    },
  ],
  takesBody: false,
  secret: ROBOT_SECRET,
  build: (input, fields) =>
    buildCloudpodsEvent(
      input.url,
      {
        resourceType: fields.resource_type,
        action: fields.action,
        result: fields.result as 'succeed' | 'failed',
        resourceDetails: fields.resource_details
          ? (JSON.parse(fields.resource_details) as Record<string, unknown>)
          : {},
      },
      {
        ...robot(input.secret),
        ...(fields.msg_key ? { msgKey: fields.msg_key } : {}),
        ...(fields.body ? { body: JSON.parse(fields.body) as Record<string, unknown> } : {}),
        useTemplate: fields.use_template === 'true',
      },
    ),
};

export const cloudpodsValidateTemplate: WebhookTemplate = {
  id: 'cloudpods-validate',
  title: 'Cloudpods VALIDATE',
  platform: 'Cloudpods',
  description: 'The documented call made when a webhook robot is added: X-Yunion-Event: VALIDATE and 37 bytes of JSON.',
  fields: [],
  takesBody: false,
  secret: ROBOT_SECRET,
  build: (input) => buildCloudpodsValidate(input.url, robot(input.secret)),
};

export const cloudpodsVerifyTemplate: WebhookTemplate = {
  id: 'cloudpods-verify',
  title: 'Cloudpods verify',
  platform: 'Cloudpods',
  description: "The current sources' verification call: no X-Yunion-Event, a verification message.",
  fields: [],
  takesBody: false,
  secret: ROBOT_SECRET,
  build: (input) => buildCloudpodsVerify(input.url, robot(input.secret)),
};

function robot(secret: string | undefined): CloudpodsRobot {
  return secret ? { secretKey: secret } : {};
}
