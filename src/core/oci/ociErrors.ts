import { UserError } from '../errors/userError';
import { sessionRefreshCommand } from '../ociConfig/sessionToken';
import { networkFailureOf } from '../net/networkFailure';
import { isConnectionFailure, isUnreadableAnswer } from './retry';

export interface CallContext {
  /** Such as "list rules in apps-prod". */
  readonly what: string;
  readonly profile: string;
  readonly keyFile?: string;
  readonly fingerprint?: string;
  /** Whether the profile signs with a session token rather than an API key. */
  readonly sessionToken?: boolean;
  /** The IAM verb and resource the operation needs, such as "manage cloudevents-rules". */
  readonly permission: string;
  /** Whether the call changes something, so that a lost answer leaves its outcome unknown. */
  readonly changes?: boolean;
  /** Whether the call was sent once, never again after a lost answer (an update or a delete). */
  readonly sentOnce?: boolean;
}

/** The policy statement a 404 usually means is missing (seed 000's IAM policies). */
export const PERMISSIONS = {
  rules: 'manage cloudevents-rules',
  topics: 'manage ons-topics',
  functions: 'use fn-function',
  compartments: 'inspect compartments',
  streams: 'use stream-push',
} as const;

/**
 * An SDK error as a message that names the fix, keeping the HTTP status for callers that act
 * on it (a 404 on a read after a list), and marking a change whose outcome is unknown. Never
 * includes request bodies or keys.
 */
export function describeOciError(
  err: unknown,
  ctx: CallContext,
): UserError & { statusCode?: number; outcomeUnknown?: boolean } {
  return Object.assign(describe(err, ctx), {
    statusCode: (err as { statusCode?: number }).statusCode,
    // A change whose answer never came or could not be read may have been made: callers must not say it was not.
    ...(ctx.changes && (isConnectionFailure(err) || isUnreadableAnswer(err)) ? { outcomeUnknown: true } : {}),
  });
}

/** The SDK names the endpoint as "GET https://host/path". */
function hostOfEndpoint(endpoint: string): string {
  const url = endpoint.split(' ').find((part) => URL.canParse(part));
  return url ? new URL(url).host : 'the OCI endpoint';
}

function describe(err: unknown, ctx: CallContext): UserError {
  const e = err as { statusCode?: number; serviceCode?: string; message?: string; opcRequestId?: string };
  const status = e.statusCode;
  const request = e.opcRequestId ? ` (opc-request-id ${e.opcRequestId})` : '';
  const unknownOutcome = ctx.changes
    ? 'OCI may have done it before the answer was lost: refresh to see, then try again if it is not there.'
    : 'Try again; if it persists, check the network connection and the endpoint.';
  if (isConnectionFailure(err)) {
    const failure = networkFailureOf(err, hostOfEndpoint((err as { requestEndpoint: string }).requestEndpoint));
    // The cause first: it is what a cut-off row in the tree still shows.
    return new UserError(
      `${failure.cause} (while trying to ${ctx.what}${ctx.sentOnce ? '' : ', after several tries'})`,
      ctx.changes && failure.kind !== 'dns' && failure.kind !== 'refused'
        ? `${unknownOutcome} ${failure.nextStep}`
        : failure.nextStep,
    );
  }
  if (isUnreadableAnswer(err)) {
    return new UserError(
      `OCI's answer could not be read while trying to ${ctx.what}: it was cut short or is not valid JSON.`,
      unknownOutcome,
    );
  }
  switch (status) {
    case 401:
      if (ctx.sessionToken) {
        // `command` lets the editor offer to run it, as for a token that has expired locally.
        return Object.assign(
          new UserError(
            `OCI did not accept the session of profile ${ctx.profile} when trying to ${ctx.what}${request}.`,
            `Run "${sessionRefreshCommand(ctx.profile)}" in a terminal (or "oci session authenticate" if the session can no longer be refreshed), and check that this computer's clock is right.`,
          ),
          { command: sessionRefreshCommand(ctx.profile) },
        );
      }
      return new UserError(
        `OCI did not accept the signature of profile ${ctx.profile} when trying to ${ctx.what}${request}.`,
        `Check that key_file${ctx.keyFile ? ` (${ctx.keyFile})` : ''} is the private key whose public key is uploaded for the user, that fingerprint${ctx.fingerprint ? ` (${ctx.fingerprint})` : ''} is that key's, and that this computer's clock is right (OCI refuses requests more than 5 minutes off). "Check Profile" tests the key and fingerprint.`,
      );
    case 404:
      return new UserError(
        `OCI could not ${ctx.what}: the resource does not exist, or profile ${ctx.profile} may not see it${request}.`,
        `If it exists, the user's group needs a policy such as: Allow group <group> to ${ctx.permission} in compartment <compartment>.`,
      );
    case 409:
      return new UserError(
        `OCI refused to ${ctx.what}: ${e.message ?? 'it conflicts with an existing resource'}.`,
        'Choose another name, or refresh and try again.',
      );
    case 412:
      return new UserError(
        `Someone else changed it since it was read, so OCI refused to ${ctx.what}.`,
        'Refresh to see their change, then apply yours again.',
      );
    case 429:
      return new UserError(
        `OCI is throttling requests, and still was after several retries, while trying to ${ctx.what}.`,
        'Wait a minute and try again.',
      );
    default:
      if (e.serviceCode === 'TopicLimitReached') {
        return new UserError(
          `OCI refused to ${ctx.what}: the compartment already holds as many topics as its limit allows${request}.`,
          'Delete topics that are no longer used, create the topic in another compartment, or ask for a higher Notifications limit.',
        );
      }
      if (status !== undefined && status >= 500) {
        return new UserError(
          `OCI failed with ${status} ${e.serviceCode ?? ''} while trying to ${ctx.what}${request}.`,
          'Try again in a little while; if it persists, check the OCI status page.',
        );
      }
      return new UserError(
        `Could not ${ctx.what}: OCI answered ${status ?? 'with an error'}${e.serviceCode ? ` ${e.serviceCode}` : ''}: ${e.message ?? String(err)}${request}.`,
        status === 400
          ? 'OCI names the value it refused in its message: correct it and try again.'
          : 'Try again; if it persists, the log has the full answer.',
      );
  }
}
