import { redactUrl } from '../http/redact';

/**
 * A subscription endpoint as it may be shown or logged. `user:pass@` is masked everywhere;
 * a Slack or PagerDuty URL is itself the credential (its path holds the webhook token or the
 * integration key), so only its host and first path segment are shown.
 */
export function maskEndpoint(protocol: string, endpoint: string): string {
  if (protocol !== 'SLACK' && protocol !== 'PAGERDUTY') {
    return redactUrl(endpoint);
  }
  try {
    const url = new URL(endpoint);
    const first = url.pathname.split('/').filter(Boolean)[0];
    return `${url.protocol}//${url.host}/${first ? `${first}/…` : '…'}`;
  } catch {
    return '(a webhook URL)';
  }
}

/** The secret parts of an endpoint, to hide wherever the service may quote it back. */
export function endpointSecrets(protocol: string, endpoint: string): string[] {
  try {
    const url = new URL(endpoint);
    const secrets = [decodeURIComponent(url.password), url.password];
    if (protocol === 'SLACK' || protocol === 'PAGERDUTY') {
      secrets.push(url.pathname);
    }
    return secrets.filter(Boolean);
  } catch {
    return [endpoint];
  }
}
