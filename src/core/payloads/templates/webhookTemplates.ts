import { isJsonObject } from '../../json/isJsonObject';
import { TemplateRequest } from '../templateRequest';
import { cloudpodsEventTemplate, cloudpodsValidateTemplate, cloudpodsVerifyTemplate } from './cloudpodsTemplates';
import { fusionEventTemplate } from './fusionTemplate';
import { customTemplate, oicRestTemplate } from './httpTemplates';
import { ociEventTemplate, onsConfirmationTemplate, onsNotificationTemplate } from './ociTemplates';
import { TEMPLATE_IDS, TemplateContext, TemplateInput, WebhookTemplate } from './templateTypes';

/** Every template, in the order the panel and `oew send` list them. */
export const WEBHOOK_TEMPLATES: readonly WebhookTemplate[] = [
  ociEventTemplate,
  onsNotificationTemplate,
  onsConfirmationTemplate,
  fusionEventTemplate,
  cloudpodsEventTemplate,
  cloudpodsValidateTemplate,
  cloudpodsVerifyTemplate,
  oicRestTemplate,
  customTemplate,
];

export function findTemplate(id: string): WebhookTemplate | undefined {
  return WEBHOOK_TEMPLATES.find((t) => t.id === id);
}

/**
 * A template's request for the given input: fields checked against the template, defaults
 * filled in, and the extra headers applied last (a header of the same name, in any case, is
 * replaced). Throws an Error whose message says what to change.
 */
export function buildTemplate(id: string, input: TemplateInput, context: TemplateContext): TemplateRequest {
  const template = findTemplate(id);
  if (!template) {
    throw new Error(`There is no template "${id}"; the templates are ${TEMPLATE_IDS.join(', ')}.`);
  }
  const fields = checkedFields(template, input.fields ?? {});
  if (input.body && !template.takesBody) {
    throw new Error(`The ${template.id} template builds its own body; use the custom template to send another.`);
  }
  const request = template.build(input, fields, context);
  const warnings = [...request.warnings];
  if (template.noCustomHeaders && Object.keys(input.headers ?? {}).length) {
    warnings.push('ONS sends no custom headers to a subscription; a real delivery would not carry the extra ones.');
  }
  if (input.secret && !template.secret) {
    warnings.push(`The ${template.id} template uses no secret; the one given is ignored.`);
  }
  return { ...request, headers: withHeaders(request.headers, input.headers ?? {}), warnings };
}

function checkedFields(template: WebhookTemplate, given: Readonly<Record<string, string>>): Record<string, string> {
  const known = new Map(template.fields.map((f) => [f.name, f]));
  const unknown = Object.keys(given).filter((name) => !known.has(name));
  if (unknown.length) {
    const names = template.fields.map((f) => f.name);
    throw new Error(
      `The ${template.id} template has no field ${unknown.join(', ')}; ${names.length ? `its fields are ${names.join(', ')}` : 'it has no fields'}.`,
    );
  }
  const fields: Record<string, string> = {};
  for (const field of template.fields) {
    const value = given[field.name] || field.default || '';
    if (value && field.values && !field.values.includes(value)) {
      throw new Error(`${field.name} must be one of ${field.values.join(', ')}, not "${value}".`);
    }
    if (value && field.json && !parsesToObject(value)) {
      throw new Error(`${field.name} must be a JSON object, such as {"name":"yunion"}.`);
    }
    fields[field.name] = value;
  }
  return fields;
}

function withHeaders(
  headers: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const replaced = new Set(Object.keys(extra).map((k) => k.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(headers).filter(([k]) => !replaced.has(k.toLowerCase()))), ...extra };
}

function parsesToObject(text: string): boolean {
  try {
    return isJsonObject(JSON.parse(text));
  } catch {
    return false;
  }
}
