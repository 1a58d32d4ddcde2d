import type { FastifyInstance } from 'fastify';

/** The subset of JSON Schema that the service's OpenAPI document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  default?: unknown;
}

export interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required: boolean;
  schema: Schema;
}

/** One documented operation of the service, as the sweeps use it. */
export interface Operation {
  /** `METHOD /path/{param}`, the operation's name in the sweeps' tables. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: Parameter[];
  /** The JSON body's schema, or undefined when the operation documents no JSON body. */
  body: Schema | undefined;
  /** True when the document says the operation needs no credentials (`security: []`). */
  documentedPublic: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; security?: unknown[] }>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Every operation of the OpenAPI document the running app serves: a new route is swept without edits here. */
export async function operationsOf(app: FastifyInstance): Promise<Operation[]> {
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}`);
  const doc = response.json() as OpenApiDocument;
  const resolve = (schema: Schema): Schema => resolveRefs(schema, doc.components?.schemas ?? {}, 0);
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const upper = method.toUpperCase() as Operation['method'];
      const json = operation.requestBody?.content['application/json']?.schema;
      return {
        key: `${upper} ${path}`,
        method: upper,
        path,
        params: (operation.parameters ?? []).map((p) => ({ ...p, required: p.required === true, schema: resolve(p.schema) })),
        body: json ? resolve(json) : undefined,
        documentedPublic: Array.isArray(operation.security) && operation.security.length === 0,
      };
    }),
  );
}

function resolveRefs(schema: Schema, components: Record<string, Schema>, depth: number): Schema {
  if (depth > 20) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`The OpenAPI document refers to a missing schema ${schema.$ref}`);
    return resolveRefs(target, components, depth + 1);
  }
  const out: Schema = { ...schema };
  if (schema.anyOf) out.anyOf = schema.anyOf.map((s) => resolveRefs(s, components, depth + 1));
  if (schema.items) out.items = resolveRefs(schema.items, components, depth + 1);
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, components, depth + 1)]));
  if (typeof schema.additionalProperties === 'object') out.additionalProperties = resolveRefs(schema.additionalProperties, components, depth + 1);
  return out;
}

/** The schema a value must match, with `anyOf [x, null]` read as x. */
export function mainSchema(schema: Schema): Schema {
  if (!schema.anyOf) return schema;
  return schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!;
}

/** Valid example values by field name, for fields whose rules a schema cannot say (ids, plans, priorities). */
export type Hints = Record<string, unknown | (() => unknown)>;

let unique = 0;

/** A value that passes `schema`'s validation: a hint for the field's name, else one built from the schema. */
export function sampleOf(schema: Schema, name: string, hints: Hints): unknown {
  if (Object.hasOwn(hints, name)) {
    const hint = hints[name];
    return typeof hint === 'function' ? (hint as () => unknown)() : hint;
  }
  const s = mainSchema(schema);
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      if (s.format === 'date-time') return '2026-03-04T10:00:00Z';
      if (s.format === 'email') return `sweep-${++unique}@example.com`;
      if (s.format === 'uri') return 'https://93.184.215.14/hook';
      if (s.pattern?.includes('[a-z]{2,3}')) return 'en';
      if (s.pattern?.includes('\\d{4,')) return '123456';
      if (s.pattern?.includes('[0-5]\\d')) return '09:00';
      return 'Sweep value'.padEnd(s.minLength ?? 0, '.');
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return objectSample(s, hints);
    default:
      return 'Sweep value';
  }
}

/** An object with each required property sampled (optional ones are left out). */
export function objectSample(schema: Schema, hints: Hints): Record<string, unknown> {
  const s = mainSchema(schema);
  return Object.fromEntries((s.required ?? []).map((name) => [name, sampleOf(s.properties?.[name] ?? {}, name, hints)]));
}

/** The operation's path with each `{param}` replaced by `value(param, segment before it)`, URL-encoded unless raw. */
export function fillPath(op: Operation, value: (param: string, collection: string) => string, raw = false): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, param: string, offset: number) => {
    const collection = op.path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
    const v = value(param, collection);
    return raw ? v : encodeURIComponent(v);
  });
}

/** `?a=1&b=2` of the required query parameters, sampled, with `overrides` (raw, already encoded) on top. */
export function queryString(op: Operation, hints: Hints, overrides: Record<string, string | string[]> = {}): string {
  const pairs: string[] = [];
  for (const p of op.params) {
    if (p.in !== 'query' || Object.hasOwn(overrides, p.name) || !p.required) continue;
    pairs.push(`${p.name}=${encodeURIComponent(String(sampleOf(p.schema, p.name, hints)))}`);
  }
  for (const [name, value] of Object.entries(overrides)) {
    for (const v of Array.isArray(value) ? value : [value]) pairs.push(`${name}=${v}`);
  }
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
