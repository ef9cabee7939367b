import { isLoopback } from '../net/isLoopback';

/** The protocols a subscription can be created with here; HTTPS (deprecated) and SMS are left out. */
export const SUBSCRIPTION_PROTOCOLS = ['CUSTOM_HTTPS', 'EMAIL', 'SLACK', 'PAGERDUTY', 'ORACLE_FUNCTIONS'] as const;
export type SubscriptionProtocol = (typeof SUBSCRIPTION_PROTOCOLS)[number];

/** ons.md: a CUSTOM_HTTPS endpoint URL is at most 512 characters. */
export const MAX_ENDPOINT_LENGTH = 512;

export interface EndpointOptions {
  /** The emulator's profiles: it delivers over plain HTTP to this machine, which ONS never does. */
  readonly allowLocalHttp?: boolean;
}

/** What each protocol's endpoint looks like, for a prompt. */
export const ENDPOINT_EXAMPLES: Record<SubscriptionProtocol, string> = {
  CUSTOM_HTTPS: 'https://user:password@hooks.example.com/oci (Basic auth only in the URL, no query)',
  EMAIL: 'ops@example.com',
  SLACK: 'https://hooks.slack.com/services/…',
  PAGERDUTY: 'https://events.pagerduty.com/integration/<integration key>/enqueue',
  ORACLE_FUNCTIONS: 'ocid1.fnfunc.oc1.…',
};

/**
 * Why ONS would refuse `endpoint` for `protocol`, or undefined when it would take it. The rules
 * for CUSTOM_HTTPS are ons.md's (public, CA-signed HTTPS, Basic auth only in the URL, no query,
 * at most 512 characters); for SLACK and PAGERDUTY only "a public HTTPS URL" is checked, since
 * their exact URL forms are not in the domain notes.
 */
export function checkSubscriptionEndpoint(
  protocol: SubscriptionProtocol,
  endpoint: string,
  options: EndpointOptions = {},
): string | undefined {
  if (!endpoint.trim()) {
    return `A ${protocol} subscription needs an endpoint, such as ${ENDPOINT_EXAMPLES[protocol]}.`;
  }
  if (endpoint !== endpoint.trim()) {
    return 'The endpoint starts or ends with a space.';
  }
  switch (protocol) {
    case 'EMAIL':
      // The domain's first part runs to its first dot: with `[^…]+\.` it could end at any dot, quadratic on many dots.
      return /^[^\s@:/]+@[^\s@:/][^\s@:/.]*\.[^\s@:/]+$/.test(endpoint)
        ? undefined
        : `"${endpoint}" is not an email address (write it without mailto:).`;
    case 'ORACLE_FUNCTIONS':
      // ocid1.<type>.<realm>.[region][.future use].<unique ID>
      return /^ocid1\.fnfunc\.[a-z0-9-]+\.[a-z0-9-]*(\.[a-z0-9-]*)?\.[a-z0-9]+$/i.test(endpoint)
        ? undefined
        : 'An ORACLE_FUNCTIONS endpoint is the OCID of a function (ocid1.fnfunc.…).';
    default:
      return checkUrl(protocol, endpoint, options);
  }
}

function checkUrl(protocol: SubscriptionProtocol, endpoint: string, options: EndpointOptions): string | undefined {
  if (protocol === 'CUSTOM_HTTPS' && endpoint.length > MAX_ENDPOINT_LENGTH) {
    return `The URL is ${endpoint.length} characters; ONS takes at most ${MAX_ENDPOINT_LENGTH}.`;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not quoted: what was typed may hold a password.
    return `That is not a URL; a ${protocol} endpoint looks like ${ENDPOINT_EXAMPLES[protocol]}.`;
  }
  const local = isLoopback(endpoint);
  if (local && options.allowLocalHttp && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return protocol === 'CUSTOM_HTTPS' ? customHttpsParts(url) : undefined;
  }
  if (url.protocol !== 'https:') {
    return `ONS delivers only over HTTPS: the URL must start with https://.`;
  }
  if (local || isPrivateHost(url.hostname)) {
    return `${url.hostname} is not reachable from Oracle Cloud: ONS delivers only to public endpoints.`;
  }
  return protocol === 'CUSTOM_HTTPS' ? customHttpsParts(url) : undefined;
}

function customHttpsParts(url: URL): string | undefined {
  // `search` is empty for a bare "?", which ONS would still see.
  if (url.search || url.href.includes('?')) {
    return 'ONS does not accept a query string in a CUSTOM_HTTPS endpoint: remove everything from "?".';
  }
  if (url.hash) {
    return 'Remove the "#" part: it is never sent.';
  }
  if ((url.username === '') !== (url.password === '')) {
    return 'Basic auth in the URL needs both parts, as https://user:password@host/path.';
  }
  return undefined;
}

/** RFC 1918, carrier-grade NAT, link-local, unique-local, and the names that only resolve inside a network. */
function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) {
    return true;
  }
  // An IPv4 address, or one mapped into IPv6 (::ffff:10.0.0.1, which URL writes as ::ffff:a00:1).
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  const v4 = mapped
    ? [parseInt(mapped[1], 16) >> 8, parseInt(mapped[1], 16) & 255]
    : /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host)?.slice(1, 3).map(Number);
  if (v4) {
    const [a, b] = v4;
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  return host === '::1' || host === '::' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
}
