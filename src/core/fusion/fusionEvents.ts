export interface KeyMap {
  readonly source: string;
  readonly target: string;
}

/** One event as /soa-infra/PublicEvent/catalog describes it, plus what the reference catalog adds. */
export interface FusionEvent {
  readonly id: string;
  /** A QName written `{namespace}LocalName`. */
  readonly name: string;
  readonly displayName: string;
  readonly description?: string;
  readonly module?: string;
  /** Whether Fusion ships it enabled (seed 001's table); unknown when absent. */
  readonly defaultEnabled?: boolean;
  /** Which facts come from a public source, or "assumed". */
  readonly source?: string;
  readonly documentService?: { readonly keyMaps?: readonly KeyMap[] } | null;
  readonly documentTransform?: { readonly keyMaps?: readonly KeyMap[] } | null;
  /** A summary payload for generated samples: elements written with these prefixes. */
  readonly sample?: { readonly prefixes: Readonly<Record<string, string>>; readonly xml: string };
}

// Small enough to bundle (unlike the OCI event-type catalogue); its shape is checked by a unit test.

export function parseQName(name: string): { namespace: string; local: string } | undefined {
  const match = /^\{([^}]*)\}(.+)$/.exec(name.trim());
  return match ? { namespace: match[1], local: match[2] } : undefined;
}

/**
 * The namespace URIs an event's payload uses: its QName's namespace and every URI declared in
 * its document service's and document transform's key maps.
 */
export function eventNamespaces(event: FusionEvent): string[] {
  const uris = new Set<string>();
  const qname = parseQName(event.name);
  if (qname) {
    uris.add(qname.namespace);
  }
  for (const keyMap of [...(event.documentService?.keyMaps ?? []), ...(event.documentTransform?.keyMaps ?? [])]) {
    for (const text of [keyMap.source, keyMap.target]) {
      for (const match of text.matchAll(/xmlns:[\w.-]+\s*=\s*(?:'([^']*)'|"([^"]*)")/g)) {
        uris.add(match[1] ?? match[2]);
      }
    }
  }
  return [...uris];
}

/** An event by its `{namespace}Local` name, its id, or (if unique) its local name. */
export function findEvent(events: readonly FusionEvent[], reference: string): FusionEvent | undefined {
  const exact = events.find((e) => e.name === reference || e.id === reference);
  if (exact) {
    return exact;
  }
  const byLocal = events.filter((e) => parseQName(e.name)?.local === reference);
  return byLocal.length === 1 ? byLocal[0] : undefined;
}
