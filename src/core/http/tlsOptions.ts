import * as tls from 'tls';
import { TlsOptions } from './sendTypes';

/**
 * Node's TLS options for ours, in one place so that a single send, a burst and a proxied request
 * trust the same certificates: a custom CA is added to the system's roots, never instead of them.
 */
export function nodeTlsOptions(options: TlsOptions = {}): { rejectUnauthorized: boolean; ca?: string[] } {
  return {
    rejectUnauthorized: !options.allowSelfSigned,
    ...(options.ca ? { ca: [...tls.rootCertificates, options.ca] } : {}),
  };
}
