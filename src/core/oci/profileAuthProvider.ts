import * as common from 'oci-common';
import { ProfileCredentials, readSessionToken } from './profileCredentials';

/**
 * Signs with credentials this layer read itself rather than with the SDK's config-file
 * provider: that one needs the pass phrase in the file, and for session profiles reads the
 * token only once.
 */
export class ProfileAuthProvider implements common.AuthenticationDetailsProvider, common.RegionProvider {
  private readonly region: common.Region;

  constructor(
    private readonly profile: string,
    private readonly credentials: ProfileCredentials,
    private readonly now: () => Date,
  ) {
    // As the SDK does: a region it does not know yet is taken to be in the commercial realm.
    this.region =
      common.Region.fromRegionId(credentials.region) ?? common.Region.register(credentials.region, common.Realm.OC1);
  }

  async getKeyId(): Promise<string> {
    const { securityTokenFile, tenancy, user, fingerprint } = this.credentials;
    return securityTokenFile
      ? `ST$${await readSessionToken(this.profile, securityTokenFile, this.now())}`
      : `${tenancy}/${user}/${fingerprint}`;
  }

  getPrivateKey(): string {
    return this.credentials.privateKey;
  }

  getPassphrase(): string | null {
    return this.credentials.passphrase ?? null;
  }

  getRegion(): common.Region {
    return this.region;
  }
}
