import { createHash } from 'node:crypto';
import { fillPath, type Hints, mainSchema, objectSample, type Operation, queryString, type Schema, sampleOf } from './openapi-operations.js';

/**
 * Hostile requests generated from an operation's OpenAPI description: for each body field, query and
 * path parameter a bounded, deterministic set of wrong types, oversized and deeply nested values, bad
 * dates, cursors and enum values; and for the request as a whole, malformed and oversized bodies and
 * wrong content types. Every other part of each request is valid, so the hostile part is what is tested.
 */
export interface HostileRequest {
  /** What is hostile, e.g. `body.subject: string above maxLength`. */
  label: string;
  method: Operation['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface SweepContext {
  /** A real id for a path parameter, by the collection it follows. */
  path: (param: string, collection: string) => string;
  hints: Hints;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const NIL = '00000000-0000-0000-0000-000000000000';
const JSON_LIMIT = 1024 * 1024;

export const BAD_DATES = [
  '2026-13-45T25:61:00Z',
  '2026-02-30T10:00:00Z',
  '2499-01-01T00:00:00Z',
  '2500-06-30T12:00:00+14:00',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00Z',
  '275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  'yesterday',
];

export const BAD_CURSORS = [
  'WyJ4IiwieSJd', // ["x","y"]: a cursor whose key is not what the list sorts by
  b64('[1,2]'),
  b64('{"key":"2026-03-01T00:00:00Z","id":"x"}'),
  b64(`["2026-03-01T00:00:00Z","not-a-uuid"]`),
  b64(`["2499-01-01T00:00:00.000Z","${NIL}"]`),
  b64(`["+275760-09-13T00:00:00.000Z","${NIL}"]`),
  b64(`["99999999999999999999","${NIL}"]`),
  b64(`["${'x'.repeat(120)}","${NIL}"]`),
  createHash('sha256').update('sweep cursor').digest('base64url'),
  '%%%',
];

const INJECTION = "'; drop table tickets; --";

/** Deeply nested JSON text, `{"a":{"a":…}}` or `[[…]]`. */
export const deepJson = (depth: number, kind: 'object' | 'array'): string =>
  kind === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Marks a raw JSON fragment inside a body, so a deep value is written once without recursion. */
class Raw {
  constructor(readonly json: string) {}
}

function hostileValues(schema: Schema): { label: string; value: unknown }[] {
  const s = mainSchema(schema);
  const values: { label: string; value: unknown }[] = [
    { label: 'wrong type: number', value: s.type === 'integer' || s.type === 'number' ? 'forty-two' : 42 },
    { label: 'wrong type: boolean', value: s.type === 'boolean' ? 'true' : true },
    { label: 'null', value: null },
    { label: 'array instead of value', value: s.type === 'array' ? { 0: 'x' } : [{ $gt: '' }] },
    { label: 'object instead of value', value: s.type === 'object' ? [[]] : { $ne: null } },
    { label: 'deeply nested value', value: new Raw(deepJson(2000, 'object')) },
  ];
  if (s.type === 'string') {
    const max = s.maxLength;
    values.push({ label: 'empty string', value: '' });
    values.push({ label: 'NUL byte and lone surrogate', value: `nul\u0000 and \ud800 ${INJECTION}` });
    if (max !== undefined && max <= 600_000) {
      values.push({ label: 'string at maxLength', value: 'x'.repeat(max) });
      values.push({ label: 'string above maxLength', value: 'x'.repeat(max + 1) });
    } else values.push({ label: 'huge string (no maxLength)', value: 'x'.repeat(200_000) });
    if (s.format === 'date-time') values.push(...BAD_DATES.map((d) => ({ label: `bad date ${d}`, value: d })));
    if (s.format === 'uuid') values.push({ label: 'not a uuid', value: 'not-a-uuid' }, { label: 'nil uuid', value: NIL });
    if (s.enum) values.push({ label: 'unknown enum value', value: 'not_a_known_value' }, { label: 'enum value upper-cased', value: String(s.enum[0]).toUpperCase() });
  }
  if (s.type === 'integer' || s.type === 'number') {
    values.push({ label: 'negative', value: -1 }, { label: 'fraction', value: 1.5 }, { label: 'huge number', value: new Raw('1e999') }, { label: 'beyond 2^63', value: new Raw('92233720368547758080') });
  }
  if (s.type === 'array') {
    const item = s.items ? sampleOf(s.items, '', {}) : 'x';
    values.push({ label: 'array above maxItems', value: Array.from({ length: Math.min((s.maxItems ?? 5000) + 1, 10_000) }, () => item) });
    values.push({ label: 'array of wrong items', value: [42, null, { x: [] }] });
  }
  if (s.type === 'object') values.push({ label: 'object with 5000 keys', value: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'v'])) });
  return values;
}

/** JSON text of `body`, with `Raw` fragments written as they are. */
function serialize(body: Record<string, unknown>): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof Raw) {
      raws.push(value.json);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return value;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]!);
}

function queryValues(name: string, schema: Schema): { label: string; value: string | string[] }[] {
  const s = mainSchema(schema);
  const values: { label: string; value: string | string[] }[] = [
    { label: 'empty', value: '' },
    { label: 'not a number', value: 'abc' },
    { label: 'negative', value: '-1' },
    { label: 'huge number', value: '1e999' },
    { label: 'above maxLength', value: 'x'.repeat((s.maxLength ?? 4000) + 1) },
    { label: 'NUL byte', value: '%00' },
    { label: 'broken UTF-8', value: '%ED%A0%80' },
    { label: 'injection', value: encodeURIComponent(INJECTION) },
    { label: 'repeated parameter', value: ['a', 'b'] },
  ];
  if (s.format === 'date-time' || /^(from|to|at|since|until)$/.test(name)) values.push(...BAD_DATES.map((d) => ({ label: `bad date ${d}`, value: encodeURIComponent(d) })));
  if (name === 'cursor') values.push(...BAD_CURSORS.map((c) => ({ label: `bad cursor ${c.slice(0, 20)}`, value: c === '%%%' ? c : encodeURIComponent(c) })));
  if (s.enum || s.anyOf?.some((a) => a.enum)) values.push({ label: 'unknown enum value', value: 'not_a_known_value' });
  return values;
}

const PATH_VALUES: { label: string; value: string }[] = [
  { label: 'not a uuid', value: 'not-a-uuid' },
  { label: 'nil uuid', value: NIL },
  { label: 'long value', value: 'x'.repeat(300) },
  { label: 'NUL byte', value: '%00' },
  { label: 'encoded slashes', value: '..%2F..%2Fadmin' },
  { label: 'broken UTF-8', value: '%ED%A0%80' },
  { label: 'injection', value: encodeURIComponent(INJECTION) },
];

const WRONG_CONTENT_TYPES: { type: string | undefined; payload: (json: string) => string }[] = [
  { type: 'text/plain', payload: (json) => json },
  { type: 'application/x-www-form-urlencoded', payload: () => 'subject=x&description=y' },
  { type: 'multipart/form-data; boundary=sweep', payload: () => '--sweep\r\nContent-Disposition: form-data; name="subject"\r\n\r\nx\r\n--sweep--\r\n' },
  { type: 'application/xml', payload: () => '<ticket><subject>x</subject></ticket>' },
  { type: 'application/json; charset=utf-16', payload: (json) => json },
  { type: 'application/json; charset=x-unknown', payload: (json) => json },
  { type: undefined, payload: (json) => json },
];

const MALFORMED_BODIES = ['{', '[]', 'null', '"x"', '1', '', '{"a":1,"a":2}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}'];

/** The hostile requests for one operation: bounded (a few hundred at most) and the same on every run. */
export function hostileRequests(op: Operation, ctx: SweepContext): HostileRequest[] {
  const out: HostileRequest[] = [];
  const validPath = fillPath(op, ctx.path);
  const json = { 'content-type': 'application/json' };
  const hasBody = op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH';
  const baseBody = op.body ? objectSample(op.body, ctx.hints) : {};
  const baseJson = serialize(baseBody);
  const withBody = (label: string, url: string, headers: Record<string, string> = {}): HostileRequest =>
    hasBody ? { label, method: op.method, url, headers: { ...json, ...headers }, payload: baseJson } : { label, method: op.method, url, headers };

  for (const p of op.params.filter((p) => p.in === 'path')) {
    for (const v of PATH_VALUES) {
      const url = fillPath(op, (param, collection) => (param === p.name ? v.value : encodeURIComponent(ctx.path(param, collection))), true);
      out.push(withBody(`path.${p.name}: ${v.label}`, `${url}${queryString(op, ctx.hints)}`));
    }
  }
  const queryParams = op.params.filter((p) => p.in === 'query');
  for (const p of queryParams) {
    for (const v of queryValues(p.name, p.schema)) out.push(withBody(`query.${p.name}: ${v.label}`, `${validPath}${queryString(op, ctx.hints, { [p.name]: v.value })}`));
  }
  out.push(withBody('query: unknown and prototype keys', `${validPath}${queryString(op, ctx.hints, { unknown: '1', ['__proto__']: 'x', 'constructor[prototype][admin]': 'true' })}`));

  const url = `${validPath}${queryString(op, ctx.hints)}`;
  if (op.body) {
    const schema = mainSchema(op.body);
    for (const [name, field] of Object.entries(schema.properties ?? {})) {
      for (const v of hostileValues(field)) out.push({ label: `body.${name}: ${v.label}`, method: op.method, url, headers: json, payload: serialize({ ...baseBody, [name]: v.value }) });
    }
    if (typeof schema.additionalProperties === 'object' || schema.additionalProperties === true || !schema.properties) {
      out.push({ label: 'body: free-form keys with hostile values', method: op.method, url, headers: json, payload: serialize({ ...baseBody, __proto__x: new Raw(deepJson(2000, 'array')), ['k'.repeat(1000)]: 'x'.repeat(100_000), n: new Raw('1e999') }) });
    }
  }
  if (hasBody) {
    for (const c of WRONG_CONTENT_TYPES) out.push({ label: `content-type ${c.type ?? '(none)'}`, method: op.method, url, headers: c.type ? { 'content-type': c.type } : {}, payload: c.payload(baseJson) });
    for (const body of MALFORMED_BODIES) out.push({ label: `malformed body ${JSON.stringify(body)}`, method: op.method, url, headers: json, payload: body });
    out.push({ label: 'body: array where an object is expected', method: op.method, url, headers: json, payload: `[${baseJson}]` });
    out.push({ label: 'body above the 1 MiB limit', method: op.method, url, headers: json, payload: serialize({ ...baseBody, padding: 'x'.repeat(JSON_LIMIT + 1) }) });
    out.push({ label: 'body nested 100,000 arrays deep', method: op.method, url, headers: json, payload: deepJson(100_000, 'array') });
    out.push({ label: 'body nested 50,000 objects deep', method: op.method, url, headers: json, payload: deepJson(50_000, 'object') });
    out.push(withBody('idempotency-key too long', url, { 'idempotency-key': 'k'.repeat(400) }));
    out.push(withBody('idempotency-key with spaces', url, { 'idempotency-key': 'a key with spaces' }));
  } else {
    out.push({ label: `JSON body on ${op.method}`, method: op.method, url, headers: json, payload: '{"x":' });
  }
  return out;
}
