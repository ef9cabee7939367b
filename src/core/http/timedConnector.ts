import { lookup } from 'dns';
import * as net from 'net';
import * as tls from 'tls';
import type { buildConnector } from 'undici';
import { TlsOptions } from './sendTypes';

/** When each phase of opening a connection ended, in performance.now() milliseconds. */
export interface ConnectMarks {
  dnsEnd?: number;
  connectEnd?: number;
  tlsEnd?: number;
}

/**
 * An undici connector that opens the socket itself, so that DNS, TCP connect and TLS can each
 * be timed: undici's own connector reports none of them. A host given as an IP address skips
 * DNS, and its time is absent rather than zero.
 */
export function timedConnector(
  options: TlsOptions,
  marks: ConnectMarks,
): { connect: buildConnector.connector; destroy(): void } {
  const sockets: net.Socket[] = [];
  const connect: buildConnector.connector = (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const fail = (err: Error) => callback(err, null);
    const open = (address: string, family: number) => {
      const socket = net.connect({ host: address, port, family });
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
          rejectUnauthorized: !options.allowSelfSigned,
          ca: options.ca ? [...tls.rootCertificates, options.ca] : undefined,
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
    const family = net.isIP(host);
    if (family) {
      open(host, family);
      return;
    }
    lookup(host, (err, address, resolvedFamily) => {
      marks.dnsEnd = performance.now();
      if (err) {
        fail(err);
      } else {
        open(address, resolvedFamily);
      }
    });
  };
  return { connect, destroy: () => sockets.forEach((s) => s.destroy()) };
}
