import { VERIFY_MESSAGE } from '../payloads/cloudpods';
import { AutoAnswerKind } from './inboxRecord';
import { isJsonObject } from '../json/isJsonObject';

/** Which handshakes the inbox answers 200 by itself. */
export interface AutoAnswerSwitches {
  readonly onsConfirmation: boolean;
  readonly cloudpods: boolean;
}

const VERIFY_BYTES = Buffer.from(VERIFY_MESSAGE, 'utf8');

/**
 * The handshake a request is, if its switch is on. Cheap for ordinary deliveries: a header
 * look-up, and a JSON parse only for bodies that contain the Cloudpods verification text.
 */
export function detectAutoAnswer(
  headers: Readonly<Record<string, string>>,
  body: Buffer,
  switches: AutoAnswerSwitches,
): AutoAnswerKind | undefined {
  if (switches.onsConfirmation && isOnsConfirmation(headers)) {
    return 'ons-confirmation';
  }
  if (!switches.cloudpods) {
    return undefined;
  }
  const event = headers['x-yunion-event'];
  if (event !== undefined) {
    return event.toUpperCase() === 'VALIDATE' ? 'cloudpods-validate' : undefined;
  }
  if (body.indexOf(VERIFY_BYTES) >= 0 && jsonField(body, 'Msg') === VERIFY_MESSAGE) {
    return 'cloudpods-verify';
  }
  return undefined;
}

/** Whether a recorded request is an ONS subscription confirmation, whatever the switches. */
export function isOnsConfirmation(headers: Readonly<Record<string, string>>): boolean {
  return headers['x-oci-ns-messagetype']?.toLowerCase() === 'subscriptionconfirmation';
}

/** The ConfirmationURL of an ONS confirmation: its header, else its body's key (both are documented). */
export function onsConfirmationUrl(headers: Readonly<Record<string, string>>, body: Buffer): string | undefined {
  const fromHeader = headers['x-oci-ns-confirmationurl'];
  if (fromHeader) {
    return fromHeader;
  }
  const fromBody = jsonField(body, 'ConfirmationURL');
  return typeof fromBody === 'string' && fromBody ? fromBody : undefined;
}

function jsonField(body: Buffer, key: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return isJsonObject(parsed) ? parsed[key] : undefined;
  } catch {
    return undefined;
  }
}
