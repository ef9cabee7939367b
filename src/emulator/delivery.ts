import { OnsDelivery } from '../core/payloads/ons';

export interface DeliveryLog {
  (line: string): void;
}

/**
 * POSTs an ONS message to a subscription endpoint. Credentials in the URL (user:pass@, the only
 * auth ONS supports) become a Basic Authorization header, as ONS sends them. Returns the status,
 * or 0 when the endpoint could not be reached.
 */
export async function deliver(endpoint: string, message: OnsDelivery, log: DeliveryLog): Promise<number> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = { ...message.headers };
  if (url.username) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    headers.Authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: message.body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    log(`delivered ${message.headers['X-OCI-NS-MessageType']} to ${maskCredentials(endpoint)}: ${response.status}`);
    return response.status;
  } catch (err) {
    log(`delivery to ${maskCredentials(endpoint)} failed: ${(err as Error).message}`);
    return 0;
  }
}

/** user:pass@ in an endpoint is a secret: never logged. */
export function maskCredentials(endpoint: string): string {
  return endpoint.replace(/\/\/[^/@]*@/, '//***@');
}
