// What other features use of the tenancy: its model and clients, and the pickers and progress of OCI calls.
export type { LocalProfiles, OciService } from './ociService';
export type { TenancyContext } from './tenancyContext';
export type { TenancyModel } from './tenancyModel';
export { changeWithProgress, withOciProgress } from './ociProgress';
export { pickCompartment } from './pickCompartment';
export { profileArgument } from './pickProfile';
