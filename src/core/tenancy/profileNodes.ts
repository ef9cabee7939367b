import { isLoopback } from '../net/isLoopback';
import type { LocateInput } from '../ociConfig/locateConfig';
import type { ResolvedProfile } from '../ociConfig/resolveProfile';
import type { ResourceNode } from './resourceNodes';

export interface ProfileNode {
  readonly kind: 'profile';
  readonly profile: ResolvedProfile;
  readonly file: string;
  /** The emulator run in this editor: not in the config file, so none of the file's actions apply. */
  readonly local?: boolean;
  readonly isDefault: boolean;
  /** The region calls go to: the file's, or the one chosen in the editor. */
  readonly region?: string;
  readonly regionSwitched: boolean;
  /** Set when `oew.oci.endpoints` sends this profile's calls elsewhere (the emulator, a private endpoint). */
  readonly endpoint?: string;
}

/** Whether a profile's calls go to this machine: the emulator, or another local endpoint. */
export function callsLocalEndpoint(profile: ProfileNode): boolean {
  return profile.endpoint !== undefined && isLoopback(profile.endpoint);
}

export interface ConfigErrorNode {
  readonly kind: 'configError';
  readonly message: string;
  readonly file: string;
  /** 1-based; absent when the whole file is at fault. */
  readonly line?: number;
}

/** The tenancy a profile signs into, as OCI reports it. */
export interface TenancyInfoNode {
  readonly kind: 'tenancy';
  readonly parent: ProfileNode;
  readonly id: string;
  readonly name: string;
  readonly homeRegion?: string;
  readonly description?: string;
}

/** Why a profile's tenancy could not be read, in place of its children. */
export interface ProfileErrorNode {
  readonly kind: 'profileError';
  readonly parent: ProfileNode;
  readonly message: string;
  readonly nextStep: string;
  /** For an expired session: the command that renews it. */
  readonly refreshCommand?: string;
  /** Set when the profile's key is encrypted and its pass phrase is not kept yet. */
  readonly needsPassphrase?: boolean;
}

export type TenancyNode = ProfileNode | ConfigErrorNode | TenancyInfoNode | ProfileErrorNode | ResourceNode;

export interface TenancySettings extends LocateInput {
  readonly defaultProfile: string;
}
