import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

// Plain JavaScript: worker threads do not get the TypeScript loader of the main thread.
/**
 * Load generator run in its own thread, so the clients do not share the server's event loop.
 * `http`: each client books its own practitioner's slots through the API.
 * `sql`: each client does the same inserts through its own `pg` connection.
 */
const job = workerData;
const iso = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');

// node:http with keep-alive: much lighter than fetch, so the load generator takes less of the
// machine's two cores away from the server it measures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function httpClient(client) {
  const h = job.http;
  let failures = 0;
  for (let i = 0; i < job.perClient; i++) {
    const status = await post(
      `${h.baseUrl}/api/v1/appointments`,
      { 'content-type': 'application/json', origin: h.origin, cookie: h.cookies[client] },
      JSON.stringify({
        practitionerId: h.practitionerIds[client],
        appointmentTypeId: h.typeId,
        start: iso(job.slotStarts[i]),
      }),
    );
    if (status !== 201) failures++;
  }
  return failures;
}

async function sqlClient(client) {
  const s = job.sql;
  const conn = new pg.Client({ connectionString: s.url });
  await conn.connect();
  try {
    for (let i = 0; i < job.perClient; i++) {
      const start = job.slotStarts[i];
      await conn.query('BEGIN');
      const { rows } = await conn.query(
        `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                                   cancellation_deadline_minutes)
         VALUES ($1, $2, $3, $4, 'video', to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), 1440) RETURNING id`,
        [s.clinicId, s.practitionerIds[client], s.patientId, s.typeId, start, start + 15 * 60_000],
      );
      await conn.query(
        `INSERT INTO audit_log (at, actor_user_id, actor_role, action, entity_type, entity_id, clinic_id, ip)
         VALUES (now(), $1, 'patient', 'appointment.create', 'appointment', $2, $3, '127.0.0.1')`,
        [s.patientId, rows[0].id, s.clinicId],
      );
      // The messages a booking plans: a confirmation and two reminders (the patient has e-mail).
      await conn.query(
        `INSERT INTO notifications (dedupe_key, kind, channel, due_at, send_before, appointment_id, appointment_version,
                                    user_id, created_at, updated_at)
         SELECT $1 || ':' || k, split_part(k, '-', 1), 'email', now(), to_timestamp($2 / 1000.0), $1::uuid, 1, $3, now(), now()
           FROM unnest(ARRAY['confirmation', 'reminder-1440', 'reminder-60']) AS k`,
        [rows[0].id, start, s.patientId],
      );
      await conn.query('COMMIT');
    }
  } finally {
    await conn.end();
  }
  return 0;
}

const clients = job.mode === 'http' ? job.http.cookies.length : job.sql.practitionerIds.length;
const started = performance.now();
const failures = await Promise.all(
  Array.from({ length: clients }, (_, c) => (job.mode === 'http' ? httpClient(c) : sqlClient(c))),
);
parentPort.postMessage({
  seconds: (performance.now() - started) / 1000,
  failures: failures.reduce((a, b) => a + b, 0),
});
