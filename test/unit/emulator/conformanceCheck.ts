import { FieldType, Model } from './sdkModels';

/** Real OCIDs: ocid1.<type>.<realm>.[region].<unique>, the region empty for global resources. */
const OCID = /^ocid1\.[a-z0-9]+\.oc[0-9]+\.[a-z0-9-]*\.[a-z0-9]+$/;
/** Fields named like ids that are not OCIDs in the real API. */
const NOT_OCIDS = new Set(['messageId']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Checks JSON values against SDK models, counting what it checked and collecting each failure. */
export class Conformance {
  readonly failures: string[] = [];
  readonly modelsChecked = new Set<string>();
  fieldsChecked = 0;

  constructor(private readonly models: Map<string, Model>) {}

  check(value: unknown, type: FieldType, where: string, field = ''): void {
    switch (type.kind) {
      case 'any':
        return;
      case 'string':
        if (typeof value !== 'string') {
          return this.fail(where, `a string, not ${JSON.stringify(value)}`);
        }
        if ((field === 'id' || field.endsWith('Id')) && !NOT_OCIDS.has(field) && !OCID.test(value)) {
          this.fail(where, `an OCID, not "${value}"`);
        }
        return;
      case 'number':
      case 'boolean':
        return typeof value === type.kind
          ? undefined
          : this.fail(where, `a ${type.kind}, not ${JSON.stringify(value)}`);
      case 'date':
        return typeof value === 'string' && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))
          ? undefined
          : this.fail(where, `an RFC 3339 time, not ${JSON.stringify(value)}`);
      case 'enum':
        // A value outside the enum is one the SDK reads as UnknownValue.
        return type.values.includes(value as string)
          ? undefined
          : this.fail(where, `one of ${type.values.join(', ')}, not ${JSON.stringify(value)}`);
      case 'array':
        if (!Array.isArray(value)) {
          return this.fail(where, `an array, not ${JSON.stringify(value)}`);
        }
        // Items of an `…Ids` array are OCIDs as an `…Id` field is.
        return value.forEach((item, i) => this.check(item, type.of, `${where}[${i}]`, field.replace(/Ids$/, 'Id')));
      case 'map':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return this.fail(where, `an object, not ${JSON.stringify(value)}`);
        }
        return Object.entries(value).forEach(([key, item]) => this.check(item, type.of, `${where}.${key}`));
      case 'model':
        return this.checkModel(value, type.name, where);
      case 'union': {
        const fits = type.of.some((member) => {
          const trial = new Conformance(this.models);
          trial.check(value, member, where, field);
          return trial.failures.length === 0;
        });
        return fits ? undefined : this.fail(where, `one of the union's types, not ${JSON.stringify(value)}`);
      }
    }
  }

  private checkModel(value: unknown, name: string, where: string): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail(where, `a ${name} object, not ${JSON.stringify(value)}`);
    }
    const record = value as Record<string, unknown>;
    let model = this.models.get(name);
    if (!model) {
      return this.fail(where, `a model the SDK declares, not ${name}`);
    }
    const subtypes = [...this.models.values()].filter((m) => m.parent === name && m.discriminator);
    if (subtypes.length > 0) {
      const { field } = subtypes[0].discriminator!;
      const chosen = subtypes.find((m) => m.discriminator!.value === record[field]);
      if (!chosen) {
        const known = subtypes.map((m) => m.discriminator!.value).join(', ');
        return this.fail(`${where}.${field}`, `one of ${known}, not ${JSON.stringify(record[field])}`);
      }
      model = chosen;
    }
    this.modelsChecked.add(model.name);
    for (const field of this.fieldsOf(model)) {
      this.fieldsChecked++;
      const item = record[field.name];
      if (item === undefined || item === null) {
        if (field.required) {
          this.fail(`${where}.${field.name}`, `present: ${model.name} requires it`);
        }
        continue;
      }
      this.check(item, field.type, `${where}.${field.name}`, field.name);
    }
  }

  private fieldsOf(model: Model): Model['fields'] {
    const parent = model.parent ? this.models.get(model.parent) : undefined;
    const own = new Set(model.fields.map((f) => f.name));
    return [...(parent ? this.fieldsOf(parent).filter((f) => !own.has(f.name)) : []), ...model.fields];
  }

  fail(where: string, expected: string): void {
    this.failures.push(`${where} should be ${expected}`);
  }
}
