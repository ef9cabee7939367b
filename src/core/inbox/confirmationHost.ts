import { isLoopback } from '../net/isLoopback';

const ORACLE_CLOUD_SUFFIX = '.oraclecloud.com';

/**
 * Whether the inbox may fetch an ONS ConfirmationURL without asking: this machine, or an
 * https host under oraclecloud.com. Anyone can post a "confirmation" to the inbox, and fetching
 * its URL would make this machine call wherever the sender chose, so the host is read from the
 * parsed URL (not the text) to defeat `oraclecloud.com@evil` and
 * `x.oraclecloud.com.evil.net`.
 */
export function confirmationUrlIsTrusted(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return false;
  }
  if (isLoopback(url)) {
    return true;
  }
  // ONS confirmation URLs are https; plain http to a public host could be altered on the way.
  return parsed.protocol === 'https:' && parsed.hostname.toLowerCase().endsWith(ORACLE_CLOUD_SUFFIX);
}
