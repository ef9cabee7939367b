import { isLoopback } from '../net/isLoopback';
import { ProxySetting } from './sendTypes';

/**
 * The proxy the command line uses for a URL, from the usual environment variables: HTTPS_PROXY
 * for https, HTTP_PROXY for http (either case), and NO_PROXY's hosts, domain suffixes or `*`
 * going direct. Loopback always goes direct, so the inbox and the emulator work behind any proxy.
 */
export function proxyFromEnvironment(
  target: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProxySetting | undefined {
  if (isLoopback(target)) {
    return undefined;
  }
  const url = new URL(target);
  const read = (name: string) => env[name] ?? env[name.toLowerCase()];
  const proxy = url.protocol === 'https:' ? read('HTTPS_PROXY') : read('HTTP_PROXY');
  if (!proxy || bypassed(url, read('NO_PROXY') ?? '')) {
    return undefined;
  }
  return { url: proxy };
}

function bypassed(url: URL, noProxy: string): boolean {
  const host = url.hostname.toLowerCase();
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      const [name, port] = entry.toLowerCase().split(':');
      if (name === '*') {
        return true;
      }
      if (port && port !== (url.port || (url.protocol === 'https:' ? '443' : '80'))) {
        return false;
      }
      const domain = name.replace(/^\*?\./, '');
      return host === domain || host.endsWith(`.${domain}`);
    });
}
