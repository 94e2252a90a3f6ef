import { createPatients, seedBenchClinic, startBench } from './lib';

/**
 * 500 patients book 50 slots at the same moment, ten for each slot: exactly 50 must win (201),
 * 450 must be told the slot is taken (409), nothing else, and exactly 50 rows must exist.
 */
export async function benchBookingRace(): Promise<boolean> {
  const env = await startBench('race');
  try {
    const { clinicId, typeId, ids } = await seedBenchClinic(env.db, {
      name: 'Race',
      practitioners: 1,
      hours: 'always',
    });
    const practitionerId = ids[0]!;

    const from = new Date(Date.now() + 2 * 86_400_000);
    const slots = await (
      await fetch(
        `${env.baseUrl}/api/v1/clinics/${clinicId}/slots?${new URLSearchParams({
          practitionerId,
          appointmentTypeId: typeId,
          from: from.toISOString().replace('Z', '+00:00'),
          to: new Date(from.getTime() + 86_400_000).toISOString().replace('Z', '+00:00'),
        }).toString()}`,
      )
    ).json();
    const fifty = (slots as { start: string }[]).slice(0, 50);
    const cookies = await createPatients(env.db, 500);

    const started = performance.now();
    const statuses = await Promise.all(
      cookies.map(async (cookie, i) => {
        const response = await fetch(`${env.baseUrl}/api/v1/appointments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: env.origin, cookie },
          body: JSON.stringify({
            practitionerId,
            appointmentTypeId: typeId,
            start: fifty[i % 50]!.start,
          }),
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const elapsed = performance.now() - started;
    const tally = new Map<number, number>();
    for (const s of statuses) tally.set(s, (tally.get(s) ?? 0) + 1);
    const { rows } = await env.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM appointments WHERE practitioner_id = $1 AND status = 'booked'",
      [practitionerId],
    );
    const created = tally.get(201) ?? 0;
    const taken = tally.get(409) ?? 0;
    const serverErrors = statuses.filter((s) => s >= 500).length;
    console.log('\nBooking race: 500 concurrent requests for 50 slots');
    console.log(`  statuses: ${[...tally].map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    console.log(
      `  rows in the database: ${rows[0]!.n}; 5xx: ${serverErrors}; wall time ${elapsed.toFixed(0)} ms`,
    );
    const passed = created === 50 && taken === 450 && serverErrors === 0 && rows[0]!.n === 50;
    console.log(`  ${passed ? 'PASS' : 'FAIL'}: expected 50 × 201, 450 × 409, 0 × 5xx, 50 rows`);
    return passed;
  } finally {
    await env.close();
  }
}
