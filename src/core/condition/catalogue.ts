import { readFileSync } from 'fs';
import * as path from 'path';
import { editDistance } from './editDistance';
import { hasWildcard, wildcardMatcher } from './wildcard';

export interface EventTypeInfo {
  readonly eventType: string;
  /** Display name of the service, such as "Object Storage". */
  readonly service: string;
  readonly description: string;
  /** Keys of `data.additionalDetails` with example values, where public docs show them. */
  readonly additionalDetails?: Readonly<Record<string, string>>;
  /** The envelope's `source` for this service, where known. */
  readonly envelopeSource?: string;
  /** Where the type is documented, or the file it was added from. */
  readonly origin: string;
}

interface CatalogueFile {
  services: Record<string, { name: string; envelopeSource?: string; docs?: string }>;
  eventTypes: {
    eventType: string;
    service: string;
    description: string;
    additionalDetails?: Record<string, string>;
    source: string;
  }[];
}

let builtinCatalogue: EventTypeCatalogue | undefined;

/** The event types a condition may name: the shipped catalogue plus the user's own. */
export class EventTypeCatalogue {
  private readonly byType: ReadonlyMap<string, EventTypeInfo>;

  constructor(readonly entries: readonly EventTypeInfo[]) {
    this.byType = new Map(entries.map((e) => [e.eventType, e]));
  }

  /**
   * The shipped catalogue, read on first use. It is the largest piece of data the extension
   * has, so it lives beside the bundle (dist/catalogue/) instead of in it, and activation
   * never pays for it.
   */
  static builtin(): EventTypeCatalogue {
    return (builtinCatalogue ??= EventTypeCatalogue.fromFile(
      JSON.parse(readFileSync(path.join(__dirname, 'catalogue', 'eventTypes.json'), 'utf8')) as CatalogueFile,
    ));
  }

  private static fromFile(file: CatalogueFile): EventTypeCatalogue {
    return new EventTypeCatalogue(
      file.eventTypes.map((e) => ({
        eventType: e.eventType,
        service: file.services[e.service]?.name ?? e.service,
        description: e.description,
        additionalDetails: e.additionalDetails,
        envelopeSource: file.services[e.service]?.envelopeSource,
        origin: e.source,
      })),
    );
  }

  /** A catalogue with `extra` added; an extra entry replaces a shipped one of the same type. */
  with(extra: readonly EventTypeInfo[]): EventTypeCatalogue {
    if (!extra.length) {
      return this;
    }
    const types = new Set(extra.map((e) => e.eventType));
    return new EventTypeCatalogue([...this.entries.filter((e) => !types.has(e.eventType)), ...extra]);
  }

  get(eventType: string): EventTypeInfo | undefined {
    return this.byType.get(eventType);
  }

  /** The entries a condition value selects: itself, or every entry its wildcard matches. */
  matching(value: string): EventTypeInfo[] {
    if (!hasWildcard(value)) {
      const entry = this.byType.get(value);
      return entry ? [entry] : [];
    }
    const matches = wildcardMatcher(value);
    return this.entries.filter((e) => matches(e.eventType));
  }

  /** The closest catalogued types, for did-you-mean. */
  suggest(value: string, count = 3): string[] {
    const limit = Math.max(3, Math.floor(value.length / 4));
    return this.entries
      .map((e) => ({ type: e.eventType, distance: editDistance(value.toLowerCase(), e.eventType, limit) }))
      .filter((s) => s.distance <= limit)
      .sort((a, b) => a.distance - b.distance || a.type.localeCompare(b.type))
      .slice(0, count)
      .map((s) => s.type);
  }

  /**
   * The `additionalDetails` keys the named types carry, or undefined when the catalogue does not
   * know them for every one of the types (then no key can be called wrong).
   */
  additionalDetailKeys(eventTypes: readonly string[]): Set<string> | undefined {
    const entries = eventTypes.flatMap((t) => this.matching(t));
    if (!entries.length || entries.some((e) => !e.additionalDetails)) {
      return undefined;
    }
    return new Set(entries.flatMap((e) => Object.keys(e.additionalDetails!)));
  }

  /** Known envelope `source` values, for completion. */
  sources(): string[] {
    return [...new Set(this.entries.flatMap((e) => (e.envelopeSource ? [e.envelopeSource] : [])))].sort();
  }
}
