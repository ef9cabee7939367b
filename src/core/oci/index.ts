// The entry of dist/oci.js: everything that needs the OCI SDK, loaded on first use, never at activation.
export { OciClients } from './ociClients';
export type { ListOptions, OpenOptions, PageOptions } from './ociSession';
export { PassphraseNeededError, SessionExpiredError } from './profileCredentials';
export type { PassphraseRequest, PassphraseSource, ProfileTarget } from './profileCredentials';
export { knownRegions } from './regions';
