import { readFileSync } from 'fs';
import * as common from 'oci-common';
import * as os from 'os';
import { EventsClient, models as eventsModels } from 'oci-events';
import { IdentityClient, models as identityModels } from 'oci-identity';
import { NotificationControlPlaneClient, NotificationDataPlaneClient } from 'oci-ons';
import { parseConfig } from '../ociConfig/parseConfig';
import { resolveProfile } from '../ociConfig/resolveProfile';
import { mapBounded } from './bounded';
import { CallContext, describeOciError, PERMISSIONS } from './ociErrors';
import { CancelledError, RetryOptions, withRetries } from './retry';

export interface ProfileTarget {
  readonly configFile: string;
  readonly profile: string;
  /** Sends every call here instead of the region's endpoints: the emulator, or a private endpoint. */
  readonly endpoint?: string;
  /** Overrides the profile's region without editing the file. */
  readonly region?: string;
}

export interface ListOptions {
  readonly concurrency?: number;
  readonly pageSize?: number;
  readonly isCancelled?: () => boolean;
  readonly retry?: RetryOptions;
}

/**
 * The SDK clients of one profile, with the SDK's own retries turned off: this layer retries
 * 429 and 5xx itself, with jitter and one retry token per operation, so that behaviour is the
 * same for every call. oci-common offers no per-request abort, so cancellation stops between
 * pages and late results are dropped.
 */
export class OciClients {
  readonly events: EventsClient;
  readonly identity: IdentityClient;
  readonly onsControl: NotificationControlPlaneClient;
  readonly onsData: NotificationDataPlaneClient;
  private readonly keyFile?: string;
  private readonly fingerprint?: string;

  constructor(readonly target: ProfileTarget) {
    const provider = new common.ConfigFileAuthenticationDetailsProvider(target.configFile, target.profile);
    this.fingerprint = provider.getFingerprint();
    // For error messages only: the path, never the key.
    const parsed = parseConfig(readFileSync(target.configFile, 'utf8'));
    this.keyFile = parsed.ok ? resolveProfile(parsed.sections, target.profile, os.homedir())?.keyFile : undefined;
    const config = { retryConfiguration: common.NoRetryConfigurationDetails };
    const auth = { authenticationDetailsProvider: provider };
    this.events = new EventsClient(auth, config);
    this.identity = new IdentityClient(auth, config);
    this.onsControl = new NotificationControlPlaneClient(auth, config);
    this.onsData = new NotificationDataPlaneClient(auth, config);
    for (const client of [this.events, this.identity, this.onsControl, this.onsData]) {
      if (target.region) {
        client.regionId = target.region;
      }
      if (target.endpoint) {
        client.endpoint = target.endpoint;
      }
    }
  }

  close(): void {
    this.events.close();
    this.identity.close();
    this.onsControl.close();
    this.onsData.close();
  }

  getTenancy(tenancyId: string, retry?: RetryOptions): Promise<identityModels.Tenancy> {
    return this.call(
      'read the tenancy',
      PERMISSIONS.compartments,
      retry,
      async () => (await this.identity.getTenancy({ tenancyId })).tenancy,
    );
  }

  /** Every rule of `compartmentIds`, a page of `pageSize` at a time, with at most `concurrency` compartments at once. */
  async listRules(compartmentIds: readonly string[], options: ListOptions = {}): Promise<eventsModels.RuleSummary[]> {
    const perCompartment = await mapBounded(compartmentIds, options.concurrency ?? 8, async (compartmentId) => {
      const rules: eventsModels.RuleSummary[] = [];
      let page: string | undefined;
      do {
        if (options.isCancelled?.()) {
          throw new CancelledError();
        }
        const response = await this.call(`list the rules of ${compartmentId}`, PERMISSIONS.rules, options.retry, () =>
          this.events.listRules({ compartmentId, page, limit: options.pageSize ?? 50 }),
        );
        rules.push(...response.items);
        page = response.opcNextPage;
      } while (page);
      return rules;
    });
    return perCompartment.flat();
  }

  createRule(
    details: eventsModels.CreateRuleDetails,
    retry?: RetryOptions,
  ): Promise<{ rule: eventsModels.Rule; etag: string }> {
    return this.call(`create rule ${details.displayName}`, PERMISSIONS.rules, retry, async (opcRetryToken) => {
      const response = await this.events.createRule({ createRuleDetails: details, opcRetryToken });
      return { rule: response.rule, etag: response.etag };
    });
  }

  private async call<T>(
    what: string,
    permission: string,
    retry: RetryOptions | undefined,
    run: (retryToken: string) => Promise<T>,
  ): Promise<T> {
    const ctx: CallContext = {
      what,
      permission,
      profile: this.target.profile,
      keyFile: this.keyFile,
      fingerprint: this.fingerprint,
    };
    try {
      return await withRetries(run, retry);
    } catch (err) {
      throw err instanceof CancelledError ? err : describeOciError(err, ctx);
    }
  }
}
