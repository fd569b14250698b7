// A validator for the subset of JSON Schema our config schema uses (type, enum, properties, required,
// additionalProperties, items, anyOf, local $ref): a dozen keywords do not earn a dependency such as ajv in the server bundle.
import type { JsonSchema } from './schema';

export interface SchemaError {
  /** Path of keys and indices to the offending value. */
  path: (string | number)[];
  /** `key` when the key itself is wrong (unknown property), else the value. */
  at: 'key' | 'value';
  message: string;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//, '');
  const target = root.definitions?.[name];
  if (!target) throw new Error(`schema: unresolved $ref ${schema.$ref}`);
  return { ...target, ...(schema.description ? { description: schema.description } : {}) };
}

function matchesType(schema: JsonSchema, value: unknown): boolean {
  if (schema.enum) return schema.enum.includes(value);
  return schema.type === undefined || schema.type === typeOf(value);
}

export function validate(value: unknown, schema: JsonSchema, root: JsonSchema = schema, path: (string | number)[] = []): SchemaError[] {
  const s = resolve(schema, root);
  if (s.anyOf) {
    const branches = s.anyOf.map((b) => resolve(b, root));
    const fitting = branches.find((b) => matchesType(b, value) || (b.type !== undefined && b.type === typeOf(value)));
    if (fitting) return validate(value, fitting, root, path);
    const expected = branches.map(describe).join(' or ');
    return [{ path, at: 'value', message: `Expected ${expected}, got ${JSON.stringify(value)}.` }];
  }
  if (s.enum && !s.enum.includes(value)) {
    return [{ path, at: 'value', message: `Expected ${describe(s)}, got ${JSON.stringify(value)}.` }];
  }
  if (s.type && s.type !== typeOf(value)) {
    return [{ path, at: 'value', message: `Expected ${describe(s)}, got ${typeOf(value) === 'null' ? 'nothing' : typeOf(value)}.` }];
  }
  const errors: SchemaError[] = [];
  if (s.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      const prop = s.properties?.[key];
      if (prop) errors.push(...validate(v, prop, root, [...path, key]));
      else if (s.additionalProperties === false) errors.push({ path: [...path, key], at: 'key', message: unknownKey(key, s) });
      else if (typeof s.additionalProperties === 'object') errors.push(...validate(v, s.additionalProperties, root, [...path, key]));
    }
    const missing = (s.required ?? []).filter((key) => !(key in value));
    if (missing.length) return [{ path, at: 'value', message: `Missing ${missing.map((k) => `\`${k}\``).join(', ')}.` }, ...errors];
  }
  if (s.type === 'array' && Array.isArray(value) && s.items) {
    value.forEach((v, i) => errors.push(...validate(v, s.items!, root, [...path, i])));
  }
  return errors;
}

function describe(s: JsonSchema): string {
  if (s.enum) return `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (s.type === 'array' && s.items?.type) return `a list of ${s.items.type}s`;
  return s.type ? `${/^[aeiou]/.test(s.type) ? 'an' : 'a'} ${s.type}` : 'a value';
}

function unknownKey(key: string, s: JsonSchema): string {
  const known = Object.keys(s.properties ?? {}).filter((k) => k !== '$schema');
  const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || k.endsWith(`/${key}`));
  return `Unknown ${known.some((k) => k.includes('/')) ? 'rule' : 'setting'} \`${key}\`.${near ? ` Did you mean \`${near}\`?` : ''}`;
}
