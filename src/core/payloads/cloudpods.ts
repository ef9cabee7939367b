import { createHmac } from 'crypto';
import { goJson } from './goJson';
import { TemplateRequest } from './templateRequest';

/** A Cloudpods webhook robot's settings (pkg/notify/models/robot.go). */
export interface CloudpodsRobot {
  /** Extra request headers. */
  readonly header?: Readonly<Record<string, string>>;
  /** Extra body fields, merged last: they overwrite the event's. */
  readonly body?: Readonly<Record<string, unknown>>;
  /** The key of the raw message text; `Msg` when empty. */
  readonly msgKey?: string;
  /** Signs the body: X-Auth-Token is its hex HMAC-SHA256. */
  readonly secretKey?: string;
  /** `climc notify-robot-update … --use-template true`: the body is text, not JSON. */
  readonly useTemplate?: boolean;
}

export interface CloudpodsEvent {
  /** Such as host, server, disk. */
  readonly resourceType: string;
  /** create, update, delete, sync_create, sync_update, sync_delete, … */
  readonly action: string;
  readonly result?: 'succeed' | 'failed';
  readonly resourceDetails?: Readonly<Record<string, unknown>>;
}

const USER_AGENT = 'yunioncloud-go/201708';
const DEFAULT_MSG_KEY = 'Msg';
export const VALIDATE_MESSAGE = 'This is a validate message.';
export const VERIFY_MESSAGE = 'This is a verification message, please ignore.';

/**
 * A resource event as Cloudpods' notify service sends it to a webhook robot (seed 002,
 * pkg/notify/sender/webhook.go): the event's fields, the raw message under msg_key, then the
 * robot's own body fields on top, serialised as Go does.
 */
export function buildCloudpodsEvent(url: string, event: CloudpodsEvent, robot: CloudpodsRobot = {}): TemplateRequest {
  const message = {
    action: event.action,
    resource_type: event.resourceType,
    resource_details: event.resourceDetails ?? {},
    ...(event.result ? { result: event.result } : {}),
  };
  const raw = goJson(message);
  const msgKey = robot.msgKey || DEFAULT_MSG_KEY;
  const warnings: string[] = [];
  if (robot.body && msgKey in robot.body && !robot.useTemplate) {
    warnings.push(
      `The robot's body sets "${msgKey}", which is also its msg_key: the body wins, so the event message is lost. Give msg_key and the body's keys different names.`,
    );
  }
  // A guess where the sources are silent: the result is appended only when an operation failed (HOST/UPDATE/FAILED).
  const eventHeader = [event.resourceType, event.action, event.result === 'failed' ? event.result : undefined]
    .filter(Boolean)
    .join('/')
    .toUpperCase();
  const body = robot.useTemplate
    ? Buffer.from(templateText(event), 'utf8')
    : Buffer.from(goJson({ ...message, [msgKey]: raw, ...(robot.body ?? {}) }), 'utf8');
  return {
    method: 'POST',
    url,
    headers: headers(
      robot,
      body,
      { 'X-Yunion-Event': eventHeader },
      robot.useTemplate ? 'text/plain; charset=utf-8' : undefined,
    ),
    body,
    warnings,
  };
}

/** The VALIDATE call documented in seed 002, sent when a webhook robot is added: 37 bytes of compact JSON. */
export function buildCloudpodsValidate(url: string, robot: CloudpodsRobot = {}): TemplateRequest {
  const body = Buffer.from(goJson({ Msg: VALIDATE_MESSAGE }), 'utf8');
  return { method: 'POST', url, headers: headers(robot, body, { 'X-Yunion-Event': 'VALIDATE' }), body, warnings: [] };
}

/** The verification call of the current sources: no X-Yunion-Event, another message. */
export function buildCloudpodsVerify(url: string, robot: CloudpodsRobot = {}): TemplateRequest {
  const body = Buffer.from(goJson({ Msg: VERIFY_MESSAGE }), 'utf8');
  return { method: 'POST', url, headers: headers(robot, body, {}), body, warnings: [] };
}

function headers(
  robot: CloudpodsRobot,
  body: Buffer,
  event: Record<string, string>,
  contentType = 'application/json',
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'User-Agent': USER_AGENT,
    Accept: '*/*',
    'Accept-Encoding': '*',
    ...event,
    ...(robot.header ?? {}),
    ...(robot.secretKey ? { 'X-Auth-Token': createHmac('sha256', robot.secretKey).update(body).digest('hex') } : {}),
  };
}

/**
 * The text a robot with templates sends. The notify service renders its topic templates
 * (notify.topic_tbl), which deployments edit; this is a plain rendering of the same facts, a
 * guess at the default wording rather than a copy of it.
 */
function templateText(event: CloudpodsEvent): string {
  const name = typeof event.resourceDetails?.name === 'string' ? ` ${event.resourceDetails.name}` : '';
  return `${event.resourceType}${name}: ${event.action}${event.result ? ` ${event.result}` : ''}`;
}
