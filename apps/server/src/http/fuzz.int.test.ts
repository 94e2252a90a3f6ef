import fc from 'fast-check';
import { errorStatus } from '@visitt/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
} from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { createSession, type AuthMethod } from '../db/sessions';
import { sha256 } from '../lib/crypto';
import { sessionCookieName } from './session';

/**
 * Hostile input against every operation of the OpenAPI document, as nobody, as a patient and as
 * a clinic administrator with a staff session: never a 5xx, and every 4xx is `{ error, message }`
 * with a code from the contract's table (the OpenID Connect routes, which redirect, answer only
 * 3xx or 4xx). Per operation and caller: random requests (path parameters, query strings and
 * bodies built from the operation's schemas, then mutated), bodies that are not the JSON asked
 * for, and every date of the operation set to each extreme date in turn. Cases are drawn from a
 * fixed seed, so a run repeats; each failure is listed with its request and what the server
 * logged, and one line sums the run up.
 */

const SEED = 20_261_130;
/** Random cases per operation and caller, besides the fixed raw-body cases. */
const RUNS_PER_OPERATION_AND_ACTOR = 20;
const NOW = '2026-11-30T09:00:00Z';

type JsonSchema = Record<string, any>;
type Actor = 'nobody' | 'patient' | 'staff';
const ACTORS: readonly Actor[] = ['nobody', 'patient', 'staff'];

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  /** As the document names it, with `{param}`. */
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}
interface Case {
  actor: Actor;
  method: string;
  url: string;
  contentType: string | null;
  body: string | Uint8Array | undefined;
  label: string;
}
interface Failure {
  operation: string;
  problem: string;
  actor: Actor;
  label: string;
  url: string;
  body: string;
  status: number;
  response: string;
  log: string[];
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const CONTROL_STRINGS = [
  '\u0000',
  'a\u0000b',
  'https://push.example.com/\u0000',
  '\u0001\u0002\u0003\u0004',
  '\u0007\u0008',
  '\u001b[31mred',
  '\u007f',
  '\u0085',
  'line\r\nbreak',
  '\t',
  '\u2028\u2029',
];
const UNICODE_STRINGS = [
  '\u202eevil',
  '\ufeffbom',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301\u0301',
  '💥'.repeat(50),
  'Å'.repeat(300),
  '\uffff\ufffe',
];
const INJECTION_STRINGS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '../../../etc/passwd',
  '..%2F..%2F',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'javascript:alert(1)',
  '//evil.example.com',
  'https://evil.example.com',
];
const EXTREME_DATES = [
  // The edges of what the contracts accept, which reach the date arithmetic behind them.
  '1900-01-01',
  '2200-12-31',
  '1900-01-01T00:00:00+14:00',
  '2200-12-31T23:59:59-12:00',
  '2200-12-31T23:59:59.999999999Z',
  '2026-11-30T10:00:00.123456789+01:00',
  // Beyond them.
  '0000-01-01',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13',
  '-000001-01-01',
  '-271821-04-20',
  '1899-12-31',
  '2201-01-01',
  '1970-01-01',
  '2026-02-29',
  '2026-13-01',
  '2026-12-32',
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00+14:00',
  '0001-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59-23:59',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2026-11-30T24:00:00Z',
  '2026-11-30T10:00:00.123456789123456789+01:00',
  '2026-11-30T10:00:00+01:00\u0000',
  '2026-11-30 10:00',
];
const NUMBERISH = [
  '1e308',
  '-1e308',
  '-1',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1.5',
  '9007199254740993',
  '99999999999999999999999999',
  '1e-400',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CONTROL_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...UNICODE_STRINGS), weight: 2 },
  { arbitrary: fc.constantFrom(...INJECTION_STRINGS), weight: 2 },
  { arbitrary: fc.constantFrom(...EXTREME_DATES), weight: 4 },
  { arbitrary: fc.constantFrom(...NUMBERISH), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  {
    // Control characters mixed into otherwise ordinary text.
    arbitrary: fc.string({
      unit: fc.constantFrom(
        'a',
        'Z',
        '0',
        '\u0000',
        '\u0007',
        '\u001f',
        '\u007f',
        'ø',
        '\u{1F4A5}',
      ),
      minLength: 1,
      maxLength: 30,
    }),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom('x'.repeat(3000), 'ø'.repeat(2500), '\u0000'.repeat(1000)),
    weight: 1,
  },
);

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** An own `__proto__` key (an assignment would set the prototype instead). */
function withOwnKey(key: string, value: unknown): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 8 },
  {
    arbitrary: fc.constantFrom(
      1e308,
      -1e308,
      -1,
      0,
      -0,
      2 ** 53 + 2,
      -(2 ** 53),
      1.5,
      5e-324,
      1e21,
    ),
    weight: 3,
  },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], [''], { '': '' }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      nested(1000, 'array'),
      nested(1000, 'object'),
      Array.from({ length: 3000 }, () => 0),
      Array.from({ length: 600 }, (_, i) => `s${i}`),
      withOwnKey('__proto__', { isAdmin: true }),
      { constructor: { prototype: { isAdmin: true } } },
    ),
    weight: 2,
  },
);

// ---------------------------------------------------------------------------------------------
// Valid values from the operation's schema, so that mutations land one field at a time

interface RealIds {
  clinicId: string;
  practitionerId: string;
  typeId: string;
  appointmentIds: string[];
  /** Booked, tomorrow, and left alone by the random cases (which cancel what they can). */
  steadyAppointmentId: string;
  colleagueUserId: string;
  invitationId: string;
  invitationToken: string;
}
let ids: RealIds;
let spec: { paths: Record<string, Record<string, any>>; components?: { schemas?: JsonSchema } };
const SMS_REPORT_TOKEN = 'fuzz-report-token-0123456789';
/** An invitation link's token (43 characters of base64url). */
const INVITATION_TOKEN = 'FuzzInvitationToken_0123456789abcdefghijklm';

/** Ids (and tokens) of real rows for a field or parameter, so requests get past the lookups. */
function realIdsFor(name: string | undefined, path = ''): string[] | null {
  switch (name ?? '') {
    case 'clinicId':
      return [ids.clinicId];
    case 'practitionerId':
    case 'practitionerIds':
      return [ids.practitionerId];
    case 'typeId':
    case 'appointmentTypeId':
      return [ids.typeId];
    case 'id':
    case 'entityId':
    case 'appointmentId':
      return ids.appointmentIds;
    case 'userId':
    case 'actorUserId':
      return [ids.colleagueUserId];
    case 'invitationId':
      return [ids.invitationId];
    case 'token':
      return [path.includes('/sms/') ? SMS_REPORT_TOKEN : ids.invitationToken];
    default:
      return null;
  }
}

function resolve(schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let hops = 0; typeof s.$ref === 'string' && hops < 20; hops++) {
    s = spec.components?.schemas?.[s.$ref.split('/').pop()!] ?? {};
  }
  return s;
}

/** Days from 30 November 2026; `to` after `from`, within every range limit of the API. */
const dayAfter = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => {
    const date = new Date(Date.parse('2026-11-30T00:00:00Z') + n * 86_400_000);
    return date.toISOString().slice(0, 10);
  });
const dayFor = (name: string | undefined) =>
  name === 'to' || name === 'validUntil' ? dayAfter(4, 8) : dayAfter(0, 3);
/** Times near the clinic's hours on its quarter-hour grid, so some bookings and moves succeed. */
const dateTimeFor = (name: string | undefined) =>
  fc
    .tuple(dayFor(name), fc.integer({ min: 6, max: 17 }), fc.constantFrom(0, 15, 30, 45))
    .map(
      ([d, h, m]) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+01:00`,
    );

function patternArbitrary(pattern: string, fallback: fc.Arbitrary<string>): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= 200);
  } catch {
    return fallback;
  }
}

function validArbitrary(schema: JsonSchema, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (depth > 8) return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) {
    return fc.oneof(...alternatives.map((alt) => validArbitrary(alt, name, depth + 1)));
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return validArbitrary(s.allOf[0], name, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) {
        model[key] = validArbitrary(sub, key, depth + 1);
      }
      return fc.record(model, { requiredKeys: (s.required ?? []) as string[] });
    }
    case 'array':
      return fc.array(validArbitrary(s.items ?? {}, name, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'string':
      return validString(s, name);
    case 'integer':
      return fc.integer({
        min: Math.max(s.minimum ?? -1000, Number.MIN_SAFE_INTEGER),
        max: Math.min(s.maximum ?? 1000, Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.constant(null);
  }
}

function validString(s: JsonSchema, name: string | undefined): fc.Arbitrary<string> {
  if (s.format === 'uuid') {
    const real = realIdsFor(name);
    return real
      ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, fc.uuid())
      : fc.uuid();
  }
  if (s.format === 'date-time') return dateTimeFor(name);
  if (s.format === 'date') return dayFor(name);
  if (s.format === 'email') {
    return fc.constantFrom('pasient@example.com', 'ny-ansatt@example.com', 'x@example.no');
  }
  if (s.format === 'uri' || name === 'endpoint') {
    return fc.constantFrom(
      'https://fcm.googleapis.com/fcm/send/abc123',
      'https://push.example.com/x',
    );
  }
  if (name === 'timeZone') return fc.constantFrom('Europe/Oslo', 'UTC', 'Pacific/Kiritimati');
  if (name === 'p256dh') return fc.constant(`B${'A'.repeat(86)}`);
  if (name === 'auth') return fc.constant('A'.repeat(22));
  const text = fc.string({
    minLength: s.minLength ?? 0,
    maxLength: Math.max(s.minLength ?? 0, Math.min(s.maxLength ?? 24, 24)),
  });
  return typeof s.pattern === 'string' ? patternArbitrary(s.pattern, text) : text;
}

// ---------------------------------------------------------------------------------------------
// Mutations of a valid body

type PathKey = string | number;
type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'string'; pick: number; value: string }
  | { kind: 'date'; pick: number; value: string }
  | { kind: 'drop'; pick: number }
  | { kind: 'extra'; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: hostileJson,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('string' as const),
      pick: fc.nat(),
      value: hostileString,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('date' as const),
      pick: fc.nat(),
      value: fc.constantFrom(...EXTREME_DATES),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('extra' as const),
      key: fc.constantFrom('extra', '__proto__', 'constructor', 'isAdmin', 'clinicId', 'role', ''),
      value: hostileJson,
    }),
    weight: 1,
  },
);

function pathsOf(value: unknown, at: PathKey[] = [], out: PathKey[][] = []): PathKey[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  }
  return out;
}

function valueAt(root: unknown, path: PathKey[]): unknown {
  return path.reduce<any>((value, key) => value?.[key], root);
}

function setAt(root: unknown, path: PathKey[], value: unknown, drop = false): unknown {
  if (path.length === 0) return drop ? undefined : value;
  const copy = structuredClone(root) as any;
  const parent = valueAt(copy, path.slice(0, -1)) as any;
  const key = path[path.length - 1]!;
  if (drop) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function mutate(valid: unknown, change: Mutation): unknown {
  switch (change.kind) {
    case 'none':
      return valid;
    case 'replace': {
      const paths = pathsOf(valid);
      return setAt(valid, paths[change.pick % paths.length]!, change.value);
    }
    case 'string': {
      const paths = pathsOf(valid).filter((p) => typeof valueAt(valid, p) === 'string');
      if (paths.length === 0) return setAt(valid, [], change.value);
      return setAt(valid, paths[change.pick % paths.length]!, change.value);
    }
    case 'date': {
      // Dates and times only, the rest of the body valid: these reach the date arithmetic.
      const paths = pathsOf(valid).filter((p) => {
        const value = valueAt(valid, p);
        return typeof value === 'string' && /^\d{4}-\d\d-\d\d/.test(value);
      });
      if (paths.length === 0) return valid;
      return setAt(valid, paths[change.pick % paths.length]!, change.value);
    }
    case 'drop': {
      const paths = pathsOf(valid).filter((p) => p.length > 0);
      if (paths.length === 0) return undefined;
      return setAt(valid, paths[change.pick % paths.length]!, undefined, true);
    }
    case 'extra':
      if (valid === null || typeof valid !== 'object' || Array.isArray(valid)) return valid;
      return Object.assign(withOwnKey(change.key, change.value), valid);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Percent-encodes as UTF-8; a lone surrogate (which UTF-8 cannot carry) becomes U+FFFD. */
const encode = (value: string) =>
  encodeURIComponent(
    value.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );

/** Path parameter values: real ids (so requests reach the handlers), other valid ones, junk. */
function pathParamArbitrary(param: Parameter, path: string): fc.Arbitrary<string> {
  const real = realIdsFor(param.name, path);
  const valid = (real ? fc.constantFrom(...real) : validArbitrary(param.schema, param.name)).map(
    (v) => encode(String(v)),
  );
  return fc.oneof(
    { arbitrary: valid, weight: 8 },
    {
      arbitrary: validArbitrary(param.schema, param.name).map((v) => encode(String(v))),
      weight: 1,
    },
    { arbitrary: hostileString.map(encode), weight: 3 },
    {
      // Not encoded: what a client that builds URLs by hand would send.
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '%00',
        '%2F',
        '%2e%2e',
        '..',
        '%C0%AF',
        '%ED%A0%80',
        '+',
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom('0'.repeat(4000), 'ø'.repeat(600)).map(encode), weight: 1 },
  );
}

const queryValue = (param: Parameter): fc.Arbitrary<string | undefined> => {
  const date = isDateParameter(param);
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: param.required ? 1 : 4 },
    { arbitrary: validArbitrary(param.schema, param.name).map((v) => String(v)), weight: 6 },
    { arbitrary: hostileString, weight: date ? 1 : 2 },
    { arbitrary: fc.constantFrom(...EXTREME_DATES), weight: date ? 1 : 0 },
  );
};

function isDateParameter(param: Parameter): boolean {
  const formats = (s: JsonSchema): string[] => {
    const r = resolve(s);
    return [r.format, ...((r.anyOf ?? r.oneOf ?? []) as JsonSchema[]).flatMap(formats)];
  };
  return formats(param.schema).some((f) => f === 'date' || f === 'date-time');
}

/** Sometimes `arbitrary`, mostly nothing: each kind of junk alone keeps the rest reachable. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary, weight: 1 });

function queryArbitrary(params: Parameter[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.tuple(...params.map((p) => queryValue(p).map((v) => [p.name, v] as const))),
      sometimes(fc.tuple(fc.constantFrom('extra', '__proto__', 'q[0]', 'a[b]', ''), hostileString)),
      sometimes(fc.constant(true)),
      sometimes(
        fc.constantFrom(
          '%zz',
          'a=%00',
          '%E0%A4%A=1',
          '&&&',
          '=',
          'from=2026-11-30&from=2026-12-01',
        ),
      ),
    )
    .map(([declared, extra, repeatFirst, raw]) => {
      const pairs: [string, string][] = [];
      for (const [name, value] of declared) if (value !== undefined) pairs.push([name, value]);
      if (repeatFirst && pairs[0]) pairs.push(pairs[0]);
      if (extra) pairs.push(extra);
      const parts = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`);
      if (raw) parts.push(raw);
      return parts.length ? `?${parts.join('&')}` : '';
    });
}

function urlArbitrary(operation: Operation): fc.Arbitrary<string> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  return fc
    .tuple(
      fc.tuple(...pathParams.map((p) => pathParamArbitrary(p, operation.path))),
      queryArbitrary(queryParams),
    )
    .map(([values, query]) => {
      let path = operation.path;
      pathParams.forEach((p, i) => (path = path.replace(`{${p.name}}`, values[i]!)));
      return path + query;
    });
}

/**
 * The operation's path with real ids (or the first allowed value) and no query; `steady` puts in
 * the appointment only the date sweep uses, so that it is still booked when its turn comes.
 */
function realPath(operation: Operation, steady = false): string {
  let path = operation.path;
  for (const p of operation.parameters.filter((x) => x.in === 'path')) {
    const schema = resolve(p.schema);
    const value =
      steady && p.name === 'id'
        ? ids.steadyAppointmentId
        : (realIdsFor(p.name, operation.path)?.[0] ?? schema.enum?.[0] ?? 'x');
    path = path.replace(`{${p.name}}`, encode(String(value)));
  }
  return path;
}

const hasBody = (method: string) => !['GET', 'HEAD'].includes(method);

function randomCases(operation: Operation, actor: Actor, seed: number): Case[] {
  const body: fc.Arbitrary<unknown> = !hasBody(operation.method)
    ? fc.constant(undefined)
    : operation.body
      ? fc.tuple(validArbitrary(operation.body), mutation).map(([v, m]) => mutate(v, m))
      : fc.option(hostileJson, { nil: undefined });
  return fc
    .sample(fc.tuple(urlArbitrary(operation), body), {
      seed,
      numRuns: RUNS_PER_OPERATION_AND_ACTOR,
    })
    .map(([url, value]) => ({
      actor,
      method: operation.method,
      url,
      contentType: value === undefined ? null : 'application/json',
      body: value === undefined ? undefined : JSON.stringify(value),
      label: 'random',
    }));
}

/** Bodies that are not the JSON the operation wants, on the real path. */
const RAW_BODIES: { contentType: string | null; body: string | Uint8Array; label: string }[] = [
  { contentType: 'application/json', body: '{', label: 'truncated JSON' },
  { contentType: 'application/json', body: '{"a":1,}', label: 'trailing comma' },
  { contentType: 'application/json', body: '', label: 'empty JSON body' },
  { contentType: 'application/json', body: 'null', label: 'JSON null' },
  { contentType: 'application/json', body: '"\\u0000"', label: 'JSON NUL string' },
  { contentType: 'application/json', body: '\ufeff{}', label: 'byte order mark' },
  {
    contentType: 'application/json',
    body: `${'['.repeat(5000)}${']'.repeat(5000)}`,
    label: '5000 nested arrays',
  },
  {
    contentType: 'application/json',
    body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    label: '2000 nested objects',
  },
  {
    contentType: 'application/json',
    body: JSON.stringify({ x: 'x'.repeat(20_000) }),
    label: 'over the body limit',
  },
  {
    contentType: 'application/json',
    body: '{"__proto__":{"isAdmin":true}}',
    label: '__proto__ key',
  },
  {
    contentType: 'application/json',
    body: '{"constructor":{"prototype":{"isAdmin":true}}}',
    label: 'constructor key',
  },
  { contentType: 'application/json; charset=utf-16', body: '{}', label: 'charset utf-16' },
  { contentType: 'text/plain', body: 'hello', label: 'text/plain' },
  { contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=%00', label: 'form' },
  { contentType: 'multipart/form-data', body: '--x\r\n', label: 'multipart without boundary' },
  { contentType: 'application/xml', body: '<a/>', label: 'xml' },
  { contentType: null, body: new TextEncoder().encode('{}'), label: 'no content type' },
];

function rawCases(operation: Operation, actor: Actor): Case[] {
  if (!hasBody(operation.method)) return [];
  return RAW_BODIES.map((raw) => ({
    actor,
    method: operation.method,
    url: realPath(operation),
    ...raw,
  }));
}

/** One valid value of `schema` with every optional field and one item per array. */
function example(schema: JsonSchema, name?: string, depth = 0): unknown {
  const s = resolve(schema);
  if (depth > 8) return null;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  const alternatives = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alternatives?.length) {
    const first = alternatives.find((alt) => resolve(alt).type !== 'null') ?? alternatives[0]!;
    return example(first, name, depth + 1);
  }
  if (Array.isArray(s.allOf) && s.allOf.length) return example(s.allOf[0], name, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).map(([key, sub]) => [
          key,
          example(sub, key, depth + 1),
        ]),
      );
    case 'array':
      return [example(s.items ?? {}, name, depth + 1)];
    case 'integer':
    case 'number':
      return Math.max(s.minimum ?? 1, Math.min(s.maximum ?? 1, 1));
    case 'boolean':
      // `confirm: true` saves hours and closures even when bookings fall outside them.
      return name === 'confirm';
    case 'string': {
      if (s.format === 'date-time')
        return name === 'to' ? '2026-12-03T00:00:00+01:00' : '2026-12-01T09:00:00+01:00';
      if (s.format === 'date')
        return name === 'to' || name === 'validUntil' ? '2026-12-03' : '2026-12-01';
      if (name === 'start' && s.pattern) return '08:00';
      if (name === 'end' && s.pattern) return '16:00';
      return fc.sample(validString(s, name), { seed: SEED, numRuns: 1 })[0]!;
    }
    default:
      return null;
  }
}

const DATE_SHAPED = /^\d{4}-\d\d-\d\d/;

/**
 * Every date of an operation (query or body) set to each extreme date in turn, the rest of the
 * request valid, and once all of them at once (a range wholly in year 9999): what reaches the
 * date arithmetic behind the schema.
 */
function dateSweepCases(operation: Operation, actor: Actor): Case[] {
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const query = Object.fromEntries(
    queryParams.map((p) => [p.name, String(example(p.schema, p.name))] as const),
  );
  const body = operation.body && hasBody(operation.method) ? example(operation.body) : undefined;
  const queryDates = queryParams.filter(isDateParameter).map((p) => p.name);
  const bodyDates = pathsOf(body).filter((path) => {
    const value = valueAt(body, path);
    return typeof value === 'string' && DATE_SHAPED.test(value);
  });
  if (queryDates.length + bodyDates.length === 0) return [];
  const build = (q: Record<string, string>, b: unknown, label: string): Case => ({
    actor,
    method: operation.method,
    url: `${realPath(operation, true)}${queryParams.length ? `?${new URLSearchParams(q).toString()}` : ''}`,
    contentType: b === undefined ? null : 'application/json',
    body: b === undefined ? undefined : JSON.stringify(b),
    label,
  });
  const cases: Case[] = [];
  for (const date of EXTREME_DATES) {
    for (const name of queryDates)
      cases.push(build({ ...query, [name]: date }, body, `date ${name}`));
    for (const path of bodyDates) {
      cases.push(build(query, setAt(body, path, date), `date ${path.join('.')}`));
    }
    let all = body;
    for (const path of bodyDates) all = setAt(all, path, date);
    cases.push(
      build(
        { ...query, ...Object.fromEntries(queryDates.map((n) => [n, date])) },
        all,
        'all dates',
      ),
    );
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------

let app: TestApp;
const logLines: string[] = [];
let users: Record<Exclude<Actor, 'nobody'>, string>;

beforeAll(async () => {
  app = await startTestApp({ now: NOW, logLines, env: { SMS_REPORT_TOKEN } });
  const clinic = await buildClinic(app.db);
  const admin = await buildStaff(app.db, clinic.id, { roles: ['admin', 'practitioner'] });
  const colleague = await buildStaff(app.db, clinic.id, { roles: ['practitioner'] });
  const practitionerId = admin.practitionerId!;
  const type = await buildAppointmentType(app.db, clinic.id, [
    practitionerId,
    colleague.practitionerId!,
  ]);
  const patient = await buildUser(app.db, { name: 'Fuzz Pasient', phone: '+4791234567' });
  const appointmentIds: string[] = [];
  // One about to start (video window open), one tomorrow, one past, one cancelled.
  for (const [start, status] of [
    ['2026-11-30T09:05:00Z', 'booked'],
    ['2026-12-01T10:00:00Z', 'booked'],
    ['2026-11-27T10:00:00Z', 'booked'],
    ['2026-12-02T10:00:00Z', 'cancelled'],
  ] as const) {
    const { id } = await buildAppointment(app.db, {
      clinicId: clinic.id,
      practitionerId,
      patientId: patient.id,
      typeId: type.id,
      start,
      status,
    });
    appointmentIds.push(id);
  }
  const steady = await buildAppointment(app.db, {
    clinicId: clinic.id,
    practitionerId,
    patientId: patient.id,
    typeId: type.id,
    start: '2026-12-01T12:00:00Z',
  });
  const { rows } = await app.db.query<{ id: string }>(
    `INSERT INTO staff_invitations (clinic_id, email, roles, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, 'invitert@example.com', '{admin}', $2, $3, $4, $4::timestamptz + interval '7 days')
     RETURNING id`,
    [clinic.id, sha256(INVITATION_TOKEN), admin.userId, NOW],
  );
  ids = {
    clinicId: clinic.id,
    practitionerId,
    typeId: type.id,
    appointmentIds,
    steadyAppointmentId: steady.id,
    colleagueUserId: colleague.userId,
    invitationId: rows[0]!.id,
    invitationToken: INVITATION_TOKEN,
  };
  users = { patient: patient.id, staff: admin.userId };
  const response = await fetch(`${app.baseUrl}/api/openapi.json`);
  spec = (await response.json()) as typeof spec;
});
afterAll(() => app?.close());

/** A fresh session per case: a case may sign out, or end the member's sessions. */
async function cookieFor(actor: Actor): Promise<string | null> {
  if (actor === 'nobody') return null;
  const authMethod: AuthMethod = actor === 'staff' ? 'password' : 'code_email';
  const token = await createSession(app.db, {
    userId: users[actor] as never,
    authMethod,
    staff: actor === 'staff',
    now: app.clock.now(),
    absoluteMs: app.config.sessionAbsoluteMs,
  });
  return `${sessionCookieName(app.config.publicUrl)}=${token}`;
}

function operationsOf(document: typeof spec): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters ?? []) as Parameter[],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

const shorten = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

/**
 * Operations that answer a browser with a redirect (OpenID Connect): they have nothing to return
 * as 2xx, so only 3xx or 4xx is accepted.
 */
const REDIRECTING = /^\/api\/v1\/auth\/oidc\//;

/** Statuses that say the request got past its shape and its caller to the use case. */
const hasReachedUseCase = (status: number) => status < 400 || [409, 410, 422, 429].includes(status);

async function send(c: Case): Promise<{ status: number; text: string }> {
  const cookie = await cookieFor(c.actor);
  const response = await fetch(`${app.baseUrl}${c.url}`, {
    method: c.method,
    redirect: 'manual',
    headers: {
      // Allowed for state-changing methods (see session.ts); harmless on the others.
      origin: app.origin,
      ...(c.contentType ? { 'content-type': c.contentType } : {}),
      ...(cookie ? { cookie } : {}),
    },
    ...(c.body !== undefined ? { body: c.body } : {}),
  });
  return { status: response.status, text: await response.text() };
}

/** What is wrong with the answer, or null. */
function problemWith(operation: Operation, status: number, text: string): string | null {
  if (status >= 500) return 'server error';
  if (REDIRECTING.test(operation.path) && status < 300) return 'not a redirect or refusal';
  if (status < 400) return null;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.error !== 'string' || !(body.error in errorStatus)) return 'unknown error code';
    if (typeof body.message !== 'string') return 'no message';
    return null;
  } catch {
    return 'not JSON';
  }
}

describe('hostile input against every operation', () => {
  it('never answers 5xx, and every 4xx is { error, message }', { timeout: 180_000 }, async () => {
    const operations = operationsOf(spec);
    expect(operations.length).toBeGreaterThan(50);
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const sent = new Map<string, number>();
    const reached = new Set<string>();

    for (const [index, operation] of operations.entries()) {
      const name = `${operation.method} ${operation.path}`;
      for (const [a, actor] of ACTORS.entries()) {
        const batch = [
          ...randomCases(operation, actor, SEED + index * ACTORS.length + a),
          ...rawCases(operation, actor),
          ...(actor === 'nobody' ? [] : dateSweepCases(operation, actor)),
        ];
        // One at a time: the log lines of a request are then the ones written while it ran.
        for (const c of batch) {
          const logFrom = logLines.length;
          const { status, text } = await send(c);
          sent.set(name, (sent.get(name) ?? 0) + 1);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (hasReachedUseCase(status)) reached.add(name);
          const problem = problemWith(operation, status, text);
          if (problem) {
            failures.push({
              operation: name,
              problem,
              actor: c.actor,
              label: c.label,
              url: shorten(c.url),
              body: shorten(typeof c.body === 'string' ? c.body : String(c.body)),
              status,
              response: shorten(text),
              log: logLines
                .slice(logFrom)
                .filter((line) => !line.includes('"msg":"request"'))
                .map((line) => shorten(line, 1500)),
            });
          }
        }
      }
    }

    const cases = [...sent.values()].reduce((sum, n) => sum + n, 0);
    const serverErrors = [...statuses].reduce((sum, [s, n]) => (s >= 500 ? sum + n : sum), 0);
    const histogram = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    console.log(
      `fuzz: ${cases} requests over ${operations.length} operations (seed ${SEED}), ${serverErrors} 5xx, ` +
        `${failures.length - serverErrors} other faults; ${reached.size} operations reached their use case; ${histogram}`,
    );
    // Every operation of the document was sent hostile input, by every kind of caller.
    for (const operation of operations) {
      expect(sent.get(`${operation.method} ${operation.path}`)).toBeGreaterThanOrEqual(
        RUNS_PER_OPERATION_AND_ACTOR * ACTORS.length,
      );
    }
    expect(failures).toEqual([]);
  });
});

describe('dates far from today', () => {
  it('a preview far back is refused before local mean time (offsets in seconds) is reached', async () => {
    // Monrovia kept −00:44:30 until 1972, which no API time can spell.
    const clinic = await buildClinic(app.db, { timeZone: 'Africa/Monrovia' });
    const admin = await buildStaff(app.db, clinic.id, { roles: ['admin', 'practitioner'] });
    const type = await buildAppointmentType(app.db, clinic.id, [admin.practitionerId!]);
    const token = await createSession(app.db, {
      userId: admin.userId as never,
      authMethod: 'password',
      staff: true,
      now: app.clock.now(),
      absoluteMs: app.config.sessionAbsoluteMs,
    });
    const preview = (week: string) =>
      fetch(
        `${app.baseUrl}/api/v1/admin/clinics/${clinic.id}/practitioners/${admin.practitionerId}/preview?appointmentTypeId=${type.id}&week=${week}`,
        { headers: { cookie: `${sessionCookieName(app.config.publicUrl)}=${token}` } },
      );
    const far = await preview('1950-06-05');
    expect(far.status).toBe(400);
    expect(((await far.json()) as { error: string }).error).toBe('validation_failed');
    const near = await preview('2026-12-07');
    expect(near.status).toBe(200);
    await near.arrayBuffer();
  });
});
