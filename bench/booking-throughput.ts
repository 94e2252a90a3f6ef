import { Worker } from 'node:worker_threads';
import { createPatients, seedBenchClinic, startBench } from './lib';

const CLIENTS = 32;
const PER_CLIENT = 60;

function runWorker(data: unknown): Promise<{ seconds: number; failures: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/**
 * 32 clients book at once, each with a practitioner of its own (no contention): bookings per
 * second through the HTTP API, beside a bare-SQL baseline doing the same inserts (appointment,
 * audit row and the three planned messages, one transaction each) through `pg` on the same database. The clients run in a
 * worker thread, apart from the server's event loop.
 */
export async function benchBookingThroughput(): Promise<boolean> {
  const env = await startBench('throughput');
  try {
    const { clinicId, typeId, ids } = await seedBenchClinic(env.db, {
      name: 'Throughput',
      practitioners: CLIENTS * 2,
      hours: 'always',
    });
    const cookies = await createPatients(env.db, CLIENTS);
    const base = Math.ceil((Date.now() + 86_400_000) / 3_600_000) * 3_600_000;
    const slotStarts = Array.from({ length: PER_CLIENT }, (_, i) => base + i * 15 * 60_000);
    const total = CLIENTS * PER_CLIENT;

    const api = await runWorker({
      mode: 'http',
      perClient: PER_CLIENT,
      slotStarts,
      http: {
        baseUrl: env.baseUrl,
        origin: env.origin,
        cookies,
        practitionerIds: ids.slice(0, CLIENTS),
        typeId,
      },
    });
    const { rows: u } = await env.db.query<{ id: string }>('SELECT id FROM users LIMIT 1');
    const sql = await runWorker({
      mode: 'sql',
      perClient: PER_CLIENT,
      slotStarts,
      sql: {
        url: env.databaseUrl,
        clinicId,
        patientId: u[0]!.id,
        typeId,
        practitionerIds: ids.slice(CLIENTS),
      },
    });
    const apiRate = total / api.seconds;
    const sqlRate = total / sql.seconds;
    const ratio = apiRate / sqlRate;
    const passed = ratio >= 0.5 && api.failures === 0;
    console.log(
      `\nBooking throughput: ${CLIENTS} concurrent clients × ${PER_CLIENT} bookings, no contention`,
    );
    console.log(`  HTTP API: ${apiRate.toFixed(0)} bookings/s (${api.failures} not 201)`);
    console.log(`  bare SQL: ${sqlRate.toFixed(0)} bookings/s (same inserts through pg)`);
    console.log(`  ratio ${ratio.toFixed(2)} (aim ≥ 0.5)  ${passed ? 'PASS' : 'FAIL'}`);
    return passed;
  } finally {
    await env.close();
  }
}
