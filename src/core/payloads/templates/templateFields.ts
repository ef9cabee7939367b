// Free of Node types: the sender webview shares these through src/protocol/webviewMessages.ts.

export const TEMPLATE_IDS = [
  'oci-event',
  'ons-notification',
  'ons-confirmation',
  'fusion-event',
  'cloudpods-event',
  'cloudpods-validate',
  'cloudpods-verify',
  'oic-rest',
  'custom',
] as const;

export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A value a template asks for: the panel shows it as a form field, the CLI takes it as `--set name=value`. */
export interface TemplateField {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  /** The only values accepted, when there is a fixed list. */
  readonly values?: readonly string[];
  /** A JSON object is expected, such as Cloudpods resource details. */
  readonly json?: boolean;
}
