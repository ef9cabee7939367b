import { UserError } from '../errors/userError';

/** The privilege Oracle documents for the ERP Business Events REST resource. */
export const ERP_EVENTS_PRIVILEGE = 'FUN_FSCM_REST_SERVICE_ACCESS_INTEGRATION_PRIV';

export interface FusionCallContext {
  readonly connection: string;
  readonly username: string;
  /** Such as "read the event catalog". */
  readonly what: string;
  readonly path: string;
}

/** An HTTP status from Fusion as a message that names the fix. Never includes the password. */
export function describeFusionStatus(status: number, ctx: FusionCallContext): UserError {
  if (status === 401) {
    return new UserError(
      `Fusion connection ${ctx.connection} refused the user name or password of ${ctx.username} when trying to ${ctx.what}.`,
      'Check the connection’s user name and password (the integration user’s, as OIC’s ERP Cloud adapter uses).',
    );
  }
  if (status === 403 && ctx.path.includes('/erpBusinessEvents')) {
    return new UserError(
      `${ctx.username} may not use the ERP Business Events REST resource of ${ctx.connection}.`,
      `Give the user a role with the privilege ${ERP_EVENTS_PRIVILEGE} ("Access FSCM Integration Rest Service").`,
    );
  }
  if (status === 403) {
    return new UserError(
      `${ctx.username} is not allowed to ${ctx.what} on ${ctx.connection}.`,
      'Ask the Fusion administrator for the role the integration user needs.',
    );
  }
  if (status === 404) {
    return new UserError(
      `${ctx.connection} has no ${ctx.path} (404) when trying to ${ctx.what}.`,
      'Check the connection’s base URL: it is the instance’s host, such as https://acme.fa.us2.oraclecloud.com.',
    );
  }
  if (status === 429) {
    return new UserError(
      `${ctx.connection} is throttling requests, and still was after several retries, when trying to ${ctx.what}.`,
      'Wait a minute and try again.',
    );
  }
  if (status >= 500) {
    return new UserError(
      `${ctx.connection} failed with ${status}, and still did after several retries, when trying to ${ctx.what}.`,
      'Try again in a little while; if it persists, ask the Fusion administrator whether the instance is up.',
    );
  }
  // Throttling and server failures are named above: they say nothing about the OAM configuration.
  if (ctx.path.endsWith('/PublicEvent/catalog')) {
    return catalogUnavailable(ctx.connection, `it answered ${status}`);
  }
  return new UserError(`${ctx.connection} answered ${status} when trying to ${ctx.what}.`, 'The log has the details.');
}

/** The seed's reading of an empty or failing catalog: the instance's OAM configuration. */
export function catalogUnavailable(connection: string, why: string): UserError {
  return new UserError(
    `The event catalog of ${connection} is not available: ${why}.`,
    'An empty or failing catalog usually means the instance’s Oracle Access Manager (OAM) configuration is wrong: ask the Fusion administrator to check it.',
  );
}
