import type { EventTypeCatalogue } from '../../condition/catalogue';
import type { FusionEvent } from '../../fusion/fusionEvents';
import { TemplateRequest } from '../templateRequest';
import { TemplateField, TemplateId } from './templateFields';

export { TEMPLATE_IDS } from './templateFields';
export type { TemplateField, TemplateId } from './templateFields';

/** What a user gives a template, after variables are expanded. */
export interface TemplateInput {
  readonly url: string;
  readonly fields?: Readonly<Record<string, string>>;
  /** Replaces the template's own body, where the template takes one (`--body FILE`). */
  readonly body?: Buffer;
  /** Cloudpods' secret_key (X-Auth-Token), or the OIC password or client secret. */
  readonly secret?: string;
  /** Added last and winning over the template's, as a robot's `header` or `--header` does. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly now?: Date;
}

/** What building needs besides the input: the event catalogues, loaded by the caller. */
export interface TemplateContext {
  readonly catalogue: EventTypeCatalogue;
  readonly fusionEvents: readonly FusionEvent[];
}

export interface WebhookTemplate {
  readonly id: TemplateId;
  readonly title: string;
  readonly platform: 'OCI' | 'Fusion' | 'Cloudpods' | 'Other';
  readonly description: string;
  readonly fields: readonly TemplateField[];
  /** Whether `--body` may replace the built body. */
  readonly takesBody: boolean;
  /** The platform sends no custom headers (ONS): extra ones are still sent, with a warning. */
  readonly noCustomHeaders?: boolean;
  /** What `--secret` is for, when the template uses one. */
  readonly secret?: string;
  build(input: TemplateInput, fields: Readonly<Record<string, string>>, context: TemplateContext): TemplateRequest;
}
