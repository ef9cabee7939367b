import { ConfigFileAuthenticationDetailsProvider, DefaultRequestSigner } from 'oci-common';

export interface SignedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Requests signed as the OCI SDK signs them, with a profile of the emulator's config file, for
 * tests that need the raw answer (status, headers, body) rather than the SDK's reading of it.
 */
export function signedHttp(endpoint: string, configFile: string, profile = 'EMULATOR') {
  const signer = new DefaultRequestSigner(new ConfigFileAuthenticationDetailsProvider(configFile, profile));
  return async (method: string, path: string, body?: unknown): Promise<SignedResponse> => {
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const headers = new Headers(text === undefined ? {} : { 'content-type': 'application/json' });
    await signer.signHttpRequest({ method, uri: endpoint + path, headers, body: text } as never);
    const response = await fetch(endpoint + path, { method, headers, body: text });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}
