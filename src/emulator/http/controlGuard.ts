import { IncomingHttpHeaders } from 'http';
import { ApiError } from '../services/apiError';
import { header } from './route';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The /_emulator/* controls are unsigned, so only a local program may drive them, never a web
 * page in a browser: a JSON content type (a page cannot send one cross-site without a
 * preflight the emulator never answers), a loopback Host (a rebound DNS name is refused) and
 * no Origin but the emulator's own.
 */
export function checkControlRequest(method: string, headers: IncomingHttpHeaders): void {
  const host = header(headers, 'host') ?? '';
  if (!LOOPBACK_HOSTS.has(hostName(host))) {
    throw forbidden(`The emulator's controls answer only requests to 127.0.0.1, localhost or [::1], not to "${host}".`);
  }
  const origin = header(headers, 'origin');
  if (origin !== undefined && !isOwnOrigin(origin, host)) {
    throw forbidden(`The emulator's controls do not answer web pages from ${origin}.`);
  }
  const type = (header(headers, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (method !== 'GET' && type !== 'application/json') {
    throw new ApiError(
      415,
      'UnsupportedMediaType',
      `Send the emulator's controls a JSON body with Content-Type: application/json, not "${type || 'none'}".`,
    );
  }
}

/** The host of a Host header without its port: "[::1]:8080" is "[::1]", "localhost:80" is "localhost". */
function hostName(host: string): string {
  const value = host.toLowerCase();
  return value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : value.split(':')[0];
}

/** A page the emulator itself served, the only one that may drive it from a browser. */
function isOwnOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

const forbidden = (message: string) => new ApiError(403, 'Forbidden', message);
