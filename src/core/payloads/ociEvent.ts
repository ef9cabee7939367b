import { randomUUID } from 'crypto';

/**
 * OCI event envelopes (CloudEvents 0.1), as the Events service delivers them: the one builder
 * for samples, the emulator and webhook templates. Real events differ from the docs, and both
 * forms are built: real events spell `freeformTags` and say eventTypeVersion "2.0"; the docs
 * example spells `freeFormTags` and says "1.0".
 */
export interface OciEventEnvelope {
  cloudEventsVersion: '0.1';
  eventID: string;
  eventType: string;
  source: string;
  eventTypeVersion: string;
  eventTime: string;
  contentType: 'application/json';
  extensions: { compartmentId: string };
  data: OciEventData;
}

export interface OciEventData {
  compartmentId: string;
  compartmentName: string;
  resourceName: string;
  resourceId: string;
  availabilityDomain?: string;
  freeformTags?: Record<string, string>;
  freeFormTags?: Record<string, string>;
  definedTags?: Record<string, Record<string, string>>;
  additionalDetails?: Record<string, unknown>;
}

export interface OciEventOptions {
  readonly eventType: string;
  /** The envelope's `source`; its casing varies by service. Defaults to the event type's service segment. */
  readonly source?: string;
  /** `real` (the default) as delivered today; `docs` as in the envelope reference. */
  readonly variant?: 'real' | 'docs';
  readonly compartmentId?: string;
  readonly compartmentName?: string;
  readonly resourceName?: string;
  readonly resourceId?: string;
  readonly availabilityDomain?: string;
  readonly freeformTags?: Record<string, string>;
  readonly definedTags?: Record<string, Record<string, string>>;
  readonly additionalDetails?: Record<string, unknown>;
  readonly eventID?: string;
  readonly eventTime?: Date;
  readonly region?: string;
}

export const EXAMPLE_COMPARTMENT_ID = 'ocid1.compartment.oc1..aaaaaaaaexamplecompartment0000000000000000000000000000';

export function buildOciEvent(options: OciEventOptions): OciEventEnvelope {
  const variant = options.variant ?? 'real';
  const service = serviceSegment(options.eventType);
  const compartmentId = options.compartmentId ?? EXAMPLE_COMPARTMENT_ID;
  const tags = options.freeformTags ?? { Department: 'Finance' };
  const data: OciEventData = {
    compartmentId,
    compartmentName: options.compartmentName ?? 'example_compartment',
    resourceName: options.resourceName ?? exampleResourceName(service),
    resourceId: options.resourceId ?? exampleResourceId(service, options.region ?? 'iad'),
    availabilityDomain: options.availabilityDomain ?? 'NfHZ:US-ASHBURN-AD-1',
    ...(variant === 'real' ? { freeformTags: tags } : { freeFormTags: tags }),
    definedTags: options.definedTags ?? { Operations: { CostCenter: '42' } },
    additionalDetails: options.additionalDetails ?? {},
  };
  return {
    cloudEventsVersion: '0.1',
    eventID: options.eventID ?? randomUUID(),
    eventType: options.eventType,
    source: options.source ?? service,
    eventTypeVersion: variant === 'real' ? '2.0' : '1.0',
    eventTime: (options.eventTime ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    contentType: 'application/json',
    extensions: { compartmentId },
    data,
  };
}

/** `com.oraclecloud.objectstorage.createobject` → `objectstorage`. */
export function serviceSegment(eventType: string): string {
  return eventType.split('.')[2] ?? 'unknown';
}

function exampleResourceName(service: string): string {
  return service === 'objectstorage' ? 'example_object.txt' : `example_${service}_resource`;
}

function exampleResourceId(service: string, region: string): string {
  if (service === 'objectstorage') {
    return '/n/example_namespace/b/example_bucket/o/example_object.txt';
  }
  // The OCID's resource-type segment is a guess from the service name; the shape is the real one.
  return `ocid1.${service}.oc1.${region}.aaaaaaaaexample${service.replace(/[^a-z]/g, '')}`;
}
