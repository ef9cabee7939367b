/* eslint-disable @typescript-eslint/no-require-imports -- required on first use by design, see below */

/**
 * The SDK's service packages, each required the first time one of its clients is made. esbuild
 * runs a bundled CommonJS package's code on its first require rather than when the bundle
 * loads, so a service the caller never uses costs nothing at load.
 */
export const sdk = {
  events: () => require('oci-events') as typeof import('oci-events'),
  identity: () => require('oci-identity') as typeof import('oci-identity'),
  ons: () => require('oci-ons') as typeof import('oci-ons'),
  functions: () => require('oci-functions') as typeof import('oci-functions'),
  streaming: () => require('oci-streaming') as typeof import('oci-streaming'),
};
