/**
 * The fields of an OCI event envelope (CloudEvents 0.1, docs: eventenvelopereference.htm), for
 * completion, hover and the check that a payload field is not written at the top level.
 */
export interface FieldInfo {
  readonly name: string;
  readonly description: string;
}

export const ENVELOPE_FIELDS: readonly FieldInfo[] = [
  { name: 'eventType', description: 'The kind of event, such as com.oraclecloud.objectstorage.createobject.' },
  { name: 'source', description: 'The service that emitted the event. Its casing varies between services.' },
  {
    name: 'eventTypeVersion',
    description: 'The version of the event type: "1.0" in the docs, "2.0" in most real events.',
  },
  { name: 'cloudEventsVersion', description: 'The CloudEvents version of the envelope, "0.1".' },
  { name: 'eventID', description: 'A UUID unique to this event (not an OCID).' },
  { name: 'eventTime', description: 'When the event happened, in RFC 3339 form.' },
  { name: 'contentType', description: 'The type of `data`, "application/json".' },
  { name: 'extensions', description: 'Envelope extensions; `compartmentId` is always there.' },
  { name: 'data', description: 'The payload: the resource the event is about.' },
];

export const EXTENSIONS_FIELDS: readonly FieldInfo[] = [
  { name: 'compartmentId', description: 'The compartment of the event; the tenancy OCID for root-compartment events.' },
];

export const DATA_FIELDS: readonly FieldInfo[] = [
  { name: 'compartmentId', description: 'OCID of the compartment that holds the resource.' },
  { name: 'compartmentName', description: 'Name of the compartment that holds the resource.' },
  { name: 'resourceName', description: 'Name of the resource, such as the bucket, object or instance name.' },
  { name: 'resourceId', description: 'OCID of the resource, or a path such as /n/<namespace>/b/<bucket>/o/<object>.' },
  { name: 'availabilityDomain', description: 'Availability domain of the resource, where it has one.' },
  {
    name: 'freeformTags',
    description: 'Free-form tags of the resource, as real events spell them (not freeFormTags).',
  },
  { name: 'definedTags', description: 'Defined tags of the resource, by namespace.' },
  { name: 'additionalDetails', description: 'Fields specific to the event type, such as bucketName for objects.' },
];

const TOP = new Set(ENVELOPE_FIELDS.map((f) => f.name));
const DATA = new Set(DATA_FIELDS.map((f) => f.name));

export function isEnvelopeField(name: string): boolean {
  return TOP.has(name);
}

/** A field that exists only under `data` (so at the top level it matches nothing). */
export function isDataOnlyField(name: string): boolean {
  return DATA.has(name) && !TOP.has(name);
}

export function isDataField(name: string): boolean {
  return DATA.has(name);
}
