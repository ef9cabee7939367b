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
  // A URL that does not parse goes direct, where the sender says what is wrong with it.
  if (isLoopback(target) || !URL.canParse(target)) {
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

/**
 * The proxy the extension uses, from VS Code's `http.proxy`, `http.proxyStrictSSL` and
 * `http.noProxy` settings (read by the caller), falling back to the environment as VS Code does
 * when `http.proxy` is empty.
 */
export function proxyFromEditorSettings(
  target: string,
  settings: { readonly proxy?: string; readonly strictSSL?: boolean; readonly noProxy?: readonly string[] },
  env: Readonly<Record<string, string | undefined>> = process.env,
): ProxySetting | undefined {
  if (!settings.proxy) {
    const fromEnv = proxyFromEnvironment(target, env);
    return fromEnv && { ...fromEnv, strictSSL: settings.strictSSL !== false };
  }
  if (isLoopback(target) || !URL.canParse(target) || bypassed(new URL(target), (settings.noProxy ?? []).join(','))) {
    return undefined;
  }
  return { url: settings.proxy, strictSSL: settings.strictSSL !== false };
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
