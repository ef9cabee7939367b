import { lookup } from 'dns';
import * as net from 'net';
import * as tls from 'tls';
import type { buildConnector } from 'undici';
import { TlsOptions } from './sendTypes';
import { nodeTlsOptions } from './tlsOptions';

/** When each phase of opening a connection ended, in performance.now() milliseconds. */
export interface ConnectMarks {
  dnsEnd?: number;
  connectEnd?: number;
  tlsEnd?: number;
}

/**
 * An undici connector that opens the socket itself, so that DNS, TCP connect and TLS can each
 * be timed: undici's own connector reports none of them. Node still resolves the name and
 * tries each address family in turn (`localhost` may be ::1 first while a server listens on
 * 127.0.0.1); the lookup is only wrapped to note when it ended. A host given as an IP address
 * skips DNS, and its time is absent rather than zero.
 */
export function timedConnector(
  options: TlsOptions,
  marks: ConnectMarks,
): { connect: buildConnector.connector; destroy(): void } {
  const sockets: net.Socket[] = [];
  const timedLookup: net.LookupFunction = (hostname, lookupOptions, callback) =>
    lookup(hostname, lookupOptions, (...result: Parameters<typeof callback>) => {
      marks.dnsEnd = performance.now();
      callback(...result);
    });
  const connect: buildConnector.connector = (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const fail = (err: Error) => callback(err, null);
    const socket = net.connect({ host, port, lookup: timedLookup, autoSelectFamily: true });
    sockets.push(socket);
    socket.once('error', fail);
    socket.once('connect', () => {
      marks.connectEnd = performance.now();
      socket.removeListener('error', fail);
      if (opts.protocol !== 'https:') {
        callback(null, socket);
        return;
      }
      const secure = tls.connect({
        socket,
        host,
        servername: net.isIP(host) ? undefined : (opts.servername ?? host),
        ...nodeTlsOptions(options),
        ALPNProtocols: ['http/1.1'],
      });
      sockets.push(secure);
      secure.once('error', fail);
      secure.once('secureConnect', () => {
        marks.tlsEnd = performance.now();
        secure.removeListener('error', fail);
        callback(null, secure);
      });
    });
  };
  return { connect, destroy: () => sockets.forEach((s) => s.destroy()) };
}
