import { request as httpRequest } from 'node:http';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildAppointmentType,
  buildClinic,
  buildStaff,
  buildUser,
  sessionCookieFor,
} from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { accessPlugin, ACCESS_LEVELS, type AccessTableRow } from './access';
import { createMetrics } from './metrics';
import { sessionPlugin } from './session';

/**
 * The route table: every route declares who may call it, and the staff and administration
 * routes refuse a staff member's one-time-code session under every spelling of their path that
 * a router or a proxy might read as the same route. The spellings are made from the route table
 * itself, so a new route is covered the day it is added.
 */

let app: TestApp;
let staffCookie: string;
let codeCookie: string;
let params: Record<string, string>;

interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A request with the path exactly as given: fetch would normalize dot segments away. */
function raw(method: string, path: string, cookie: string, body?: unknown): Promise<RawResponse> {
  const url = new URL(app.baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          origin: app.origin,
          cookie,
          ...(payload
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              }
            : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const encodeChar = (c: string, upper = false) => {
  const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
  return `%${upper ? hex.toUpperCase() : hex}`;
};

/**
 * Spellings of `path` (already filled in) that could reach the same route: percent-encoded
 * letters, whole segments encoded, doubled and encoded slashes, dot segments, other case, a
 * trailing slash. `segment` is the first segment after /api/v1/ (`staff` or `admin`).
 */
export function spellings(path: string): string[] {
  const [, , , segment = '', ...rest] = path.split('/');
  const tail = rest.length > 0 ? `/${rest.join('/')}` : '';
  const encodeAll = (s: string, upper = false) => [...s].map((c) => encodeChar(c, upper)).join('');
  const out = new Set<string>([
    path,
    `/api/v1/${encodeChar(segment[0]!)}${segment.slice(1)}${tail}`,
    `/api/v1/${segment.slice(0, -1)}${encodeChar(segment.at(-1)!, true)}${tail}`,
    `/api/v1/${encodeAll(segment)}${tail}`,
    `/api/v1/${encodeAll(segment, true)}${tail}`,
    `/${encodeAll('api')}/${encodeAll('v1')}/${encodeAll(segment)}${tail}`,
    `/api/v1%2f${segment}${tail}`,
    `/api/v1%2F${segment}${tail}`,
    `/api%2fv1%2f${segment}${tail.replaceAll('/', '%2f')}`,
    `//api/v1/${segment}${tail}`,
    `/api//v1/${segment}${tail}`,
    `/api/v1//${segment}${tail}`,
    `/api/v1/${segment}/${tail}`,
    `/api/v1/./${segment}${tail}`,
    `/api/./v1/${segment}${tail}`,
    `/api/v1/%2e/${segment}${tail}`,
    `/api/v1/x/../${segment}${tail}`,
    `/api/v1/x/%2e%2e/${segment}${tail}`,
    `/api/x/../v1/${segment}${tail}`,
    `/API/V1/${segment.toUpperCase()}${tail}`,
    `/api/v1/${segment[0]!.toUpperCase()}${segment.slice(1)}${tail}`,
    `${path}/`,
    `${path}?`,
    `${path}#`,
    `${path};x=1`,
    `${path}%00`,
    `${path}%20`,
    `/api/v1/${segment}%09${tail}`,
  ]);
  return [...out];
}

const fill = (url: string) => url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? name);

beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-30T09:00:00Z' });
  const clinic = await buildClinic(app.db, { name: 'Stavemåteklinikken' });
  const admin = await buildStaff(app.db, clinic.id, {
    roles: ['admin', 'practitioner'],
    hours: [[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']],
  });
  const colleague = await buildStaff(app.db, clinic.id);
  const type = await buildAppointmentType(app.db, clinic.id, [admin.practitionerId!], {
    modality: 'video',
  });
  const patient = await buildUser(app.db, { name: 'Pasient Stave' });
  const appointment = await buildAppointment(app.db, {
    clinicId: clinic.id,
    practitionerId: admin.practitionerId!,
    patientId: patient.id,
    typeId: type.id,
    start: '2026-11-30T09:05:00Z',
  });
  params = {
    clinicId: clinic.id,
    practitionerId: admin.practitionerId!,
    userId: colleague.userId,
    typeId: type.id,
    id: appointment.id,
    invitationId: '00000000-0000-4000-8000-000000000001',
  };
  staffCookie = await sessionCookieFor(app, admin.userId, 'password');
  codeCookie = await sessionCookieFor(app, admin.userId, 'code_email');
});

afterAll(async () => {
  await app?.close();
});

describe('the route table', () => {
  it('has a valid access declaration on every route', () => {
    expect(app.routes.length).toBeGreaterThan(50);
    const undeclared = app.routes.filter((r) => !ACCESS_LEVELS.includes(r.access!));
    expect(undeclared).toEqual([]);
    const counts = Object.fromEntries(
      ACCESS_LEVELS.map((level) => [
        level,
        app.routes.filter((r) => r.access === level && r.method !== 'HEAD').length,
      ]),
    );
    console.log(`route table (HEAD aside): ${JSON.stringify(counts)}`);
  });

  it('declares every staff and administration route for staff sign-ins only', () => {
    const loose = app.routes.filter(
      (r) =>
        /^\/api\/v1\/(staff|admin)\//.test(r.url) &&
        r.access !== 'staff' &&
        r.access !== 'clinic_admin',
    );
    expect(loose).toEqual([]);
  });

  it('refuses to start while a route has no declaration', async () => {
    const bare = Fastify();
    await bare.register(sessionPlugin, {
      config: app.config,
      db: app.db,
      clock: app.clock,
    } as never);
    await bare.register(accessPlugin, {
      metricsToken: undefined,
      isProduction: true,
      refused: createMetrics().refused,
    });
    bare.get('/api/v1/declared', { config: { access: 'public' } }, async () => ({}));
    bare.get('/api/v1/forgotten', async () => ({}));
    bare.get('/api/v1/admin/:id', { config: { access: 'clinic_admin' } }, async () => ({}));
    await expect(bare.ready()).rejects.toThrow(
      /GET \/api\/v1\/forgotten declares no access[\s\S]*GET \/api\/v1\/admin\/:id declares clinic_admin without a :clinicId/,
    );
  });
});

describe('a one-time-code session of an administrator', () => {
  const protectedRoutes = (): AccessTableRow[] =>
    app.routes.filter(
      (r) => (r.access === 'staff' || r.access === 'clinic_admin') && r.method !== 'HEAD',
    );

  it('is refused on every staff and administration route under every spelling', async () => {
    const routes = protectedRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const before = await app.db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM staff_invitations) + (SELECT count(*) FROM audit_log) AS n`,
    );
    let tried = 0;
    const leaks: string[] = [];
    for (const route of routes) {
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      for (const path of spellings(fill(route.url))) {
        tried++;
        const response = await raw(route.method, path, codeCookie, body);
        // Either the router did not take it for a route (404, or 400 for a path it cannot read)
        // or the access check refused it: never anything from behind it.
        const refused =
          (response.status === 403 && response.body.includes('staff_sign_in_required')) ||
          (response.status === 404 && response.body.includes('"not_found"')) ||
          response.status === 400;
        if (!refused) leaks.push(`${route.method} ${path} → ${response.status} ${response.body}`);
      }
    }
    console.log(`route table: ${routes.length} protected routes × spellings = ${tried} requests`);
    expect(leaks).toEqual([]);
    const after = await app.db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM staff_invitations) + (SELECT count(*) FROM audit_log) AS n`,
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('is refused where the same administrator signed in as staff is let through', async () => {
    // The control: the spellings the router does take reach the handler with a staff session,
    // so the refusals above are the access check's and not a path the router never matched.
    const reads = protectedRoutes().filter((r) => r.method === 'GET');
    let matched = 0;
    for (const route of reads) {
      for (const path of spellings(fill(route.url))) {
        const asStaff = await raw('GET', path, staffCookie);
        if (asStaff.status === 200) {
          matched++;
          const asCode = await raw('GET', path, codeCookie);
          expect(asCode.status, `${path}`).toBe(403);
        }
      }
    }
    // Encoded letters are decoded by the router: those spellings are real routes.
    expect(matched).toBeGreaterThan(reads.length * 3);
  });
});

describe('every /api answer', () => {
  it('says no-store, whoever asks and whatever the answer', async () => {
    for (const [path, cookie] of [
      ['/api/v1/me', staffCookie],
      ['/api/v1/me', ''],
      ['/api/v1/clinics?q=stave', ''],
      [`/api/v1/staff/calendar?from=2026-11-30&to=2026-12-06`, staffCookie],
      [`/api/v1/%73taff/calendar?from=2026-11-30&to=2026-12-06`, codeCookie],
      ['/api/v1/nothing-here', ''],
      ['/api/health', ''],
    ] as const) {
      const url = new URL(path, app.baseUrl);
      const response = await fetch(url, { headers: cookie ? { cookie } : {} });
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    // Refused before any route matched: a path that cannot be decoded.
    for (const path of ['/api/v1/%', '/api/v1/%E0%A4%A']) {
      const response = await raw('GET', path, '');
      expect(response.status, path).toBe(400);
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
  });
});

describe('what an administrator reads about the clinic', () => {
  it('records reading the audit log and the staff list, one row per read', async () => {
    const count = async (action: string) =>
      Number(
        (
          await app.db.query<{ n: string }>(
            'SELECT count(*) AS n FROM audit_log WHERE action = $1 AND clinic_id = $2',
            [action, params.clinicId],
          )
        ).rows[0]!.n,
      );
    const [audit, staff] = [await count('audit.read'), await count('staff.read')];
    const log = await raw('GET', `/api/v1/admin/clinics/${params.clinicId}/audit`, staffCookie);
    expect(log.status).toBe(200);
    const list = await raw('GET', `/api/v1/admin/clinics/${params.clinicId}/staff`, staffCookie);
    expect(list.status).toBe(200);
    expect(await count('audit.read')).toBe(audit + 1);
    expect(await count('staff.read')).toBe(staff + 1);
    // The read of the log shows in the next read of it.
    const again = await raw('GET', `/api/v1/admin/clinics/${params.clinicId}/audit`, staffCookie);
    expect(JSON.parse(again.body).entries[0].action).toBe('audit.read');
  });

  it('counts refused attempts on staff routes in the metrics', async () => {
    const metrics = async () => (await fetch(new URL('/metrics', app.baseUrl))).text();
    const refusedLine = (text: string, reason: string) =>
      text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('visitt_access_refused_total{') &&
            l.includes('route="/api/v1/admin/clinics/:clinicId/audit"') &&
            l.includes(`reason="${reason}"`),
        );
    const value = (line: string | undefined) => Number(line?.split(' ').at(-1) ?? 0);
    const before = await metrics();
    await raw('GET', `/api/v1/%61dmin/clinics/${params.clinicId}/audit`, codeCookie);
    await raw('GET', `/api/v1/admin/clinics/${params.clinicId}/audit`, '');
    const after = await metrics();
    expect(value(refusedLine(after, 'not_staff_session'))).toBe(
      value(refusedLine(before, 'not_staff_session')) + 1,
    );
    expect(value(refusedLine(after, 'signed_out'))).toBe(
      value(refusedLine(before, 'signed_out')) + 1,
    );
  });
});

describe('a caller nobody signed in', () => {
  it('gets 401 before the body is read, on every route that needs a sign-in', async () => {
    const routes = app.routes.filter(
      (r) => r.access !== 'public' && r.access !== 'operator' && r.method !== 'HEAD',
    );
    const wrong: string[] = [];
    for (const route of routes) {
      // A body that matches no schema: were it validated first, the answer would be 400.
      const body = route.method === 'GET' ? undefined : { unknown: '\u0000'.repeat(3) };
      const response = await raw(
        route.method,
        fill(route.url).replace(/\/[0-9a-f-]{36}/g, '/x'),
        '',
        body,
      );
      if (response.status !== 401)
        wrong.push(`${route.method} ${route.url} → ${response.status} ${response.body}`);
    }
    expect(wrong).toEqual([]);
  });
});
