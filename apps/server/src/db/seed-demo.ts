import type { Instant, Modality } from '@visitt/domain';
import { sealTotpSecret } from '../auth/totp-secret';
import { base32Decode } from '../auth/totp';
import { hashPassword } from '../commands/sign-in-password';
import { clinicSearchText } from './clinics';
import { withTransaction, type Db, type Tx } from './pool';

export const DEMO = {
  // A complete profile (given and family name, date of birth): the demo patient books at once.
  patient: {
    email: 'pasient@example.com',
    phone: '+4791234567',
    name: 'Ola Pasient',
    givenName: 'Ola',
    familyName: 'Pasient',
    birthDate: '1980-05-17',
  },
  staff: { email: 'lege@example.com', password: 'visitt-demo', name: 'Kari Nordmann' },
  onCall: { email: 'vakt@example.com', password: 'visitt-demo', name: 'Nils Vakt' },
  onCall2: { email: 'vakt2@example.com', password: 'visitt-demo', name: 'Sara Døgn' },
  clinicName: 'Demo legesenter',
  /** The demo clinic's phone number, shown to a patient whose video fails (fictitious). */
  clinicPhone: '+4722334455',
  /**
   * The demo staff's authenticator secret (base32; the bytes spell `visitt-demo-totp-key`):
   * public, so anyone trying the demo can add it to an app, or read the current code at
   * GET /api/v1/dev/totp?email=…
   */
  totpSecret: 'OZUXG2LUOQWWIZLNN4WXI33UOAWWWZLZ',
} as const;

/** The staff accounts the demo seed creates (the only ones GET /api/v1/dev/totp answers for). */
export const DEMO_STAFF_EMAILS: readonly string[] = [
  DEMO.staff.email,
  DEMO.onCall.email,
  DEMO.onCall2.email,
];

type Hours = [weekdays: number[], start: string, end: string][];

interface PractitionerSeed {
  key: string;
  name: string;
  title: string;
  hours: Hours;
  /** On call: the weekly hours apply on public holidays too. */
  worksHolidays?: boolean;
  login?: { email: string; password: string; roles: string[] };
}

interface TypeSeed {
  name: string;
  description: string;
  duration: number;
  modality: Modality;
  notice: number;
  cancelDeadline: number;
  practitioners: string[];
}

interface ClinicSeed {
  name: string;
  address: string;
  town: string;
  phone?: string;
  practitioners: PractitionerSeed[];
  types: TypeSeed[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const clinics: ClinicSeed[] = [
  {
    name: DEMO.clinicName,
    address: 'Storgata 1, 0155 Oslo',
    town: 'Oslo',
    phone: DEMO.clinicPhone,
    practitioners: [
      {
        key: 'kari',
        name: 'Dr. Kari Nordmann',
        title: 'Fastlege',
        hours: [
          [WEEKDAYS, '08:00', '11:30'],
          [WEEKDAYS, '12:00', '15:30'],
        ],
        login: {
          email: DEMO.staff.email,
          password: DEMO.staff.password,
          roles: ['admin', 'practitioner'],
        },
      },
      {
        key: 'ola',
        name: 'Dr. Ola Hansen',
        title: 'Fastlege',
        hours: [[[1, 2, 3, 4], '09:00', '16:00']],
      },
      {
        key: 'ingrid',
        name: 'Ingrid Berg',
        title: 'Psykolog',
        hours: [[[2, 3, 4, 5], '10:00', '18:00']],
      },
      {
        key: 'nils',
        name: 'Dr. Nils Vakt',
        title: 'Lege, døgnåpen video',
        hours: [[EVERY_DAY, '00:00', '24:00']],
        worksHolidays: true,
        login: {
          email: DEMO.onCall.email,
          password: DEMO.onCall.password,
          roles: ['practitioner'],
        },
      },
      {
        key: 'sara',
        name: 'Dr. Sara Døgn',
        title: 'Lege, døgnåpen video',
        hours: [[EVERY_DAY, '00:00', '24:00']],
        worksHolidays: true,
        login: {
          email: DEMO.onCall2.email,
          password: DEMO.onCall2.password,
          roles: ['practitioner'],
        },
      },
    ],
    types: [
      {
        name: 'Videokonsultasjon 15 min',
        description: 'Kort samtale på video, for eksempel oppfølging, prøvesvar eller resept.',
        duration: 15,
        modality: 'video',
        notice: 60,
        cancelDeadline: 24 * 60,
        practitioners: ['kari', 'ola'],
      },
      {
        name: 'Videokonsultasjon 30 min',
        description: 'Lengre samtale på video når du trenger mer tid.',
        duration: 30,
        modality: 'video',
        notice: 120,
        cancelDeadline: 24 * 60,
        practitioners: ['kari', 'ola', 'ingrid'],
      },
      {
        name: 'Døgnåpen videokonsultasjon 15 min',
        description: 'Video med lege hele døgnet, også på kort varsel.',
        duration: 15,
        modality: 'video',
        notice: 0,
        cancelDeadline: 0,
        practitioners: ['nils', 'sara'],
      },
      {
        name: 'Legetime 20 min',
        description: 'Vanlig time på legekontoret.',
        duration: 20,
        modality: 'in_person',
        notice: 120,
        cancelDeadline: 24 * 60,
        practitioners: ['kari', 'ola'],
      },
      {
        name: 'Samtaletime 45 min',
        description: 'Samtale med psykolog på kontoret.',
        duration: 45,
        modality: 'in_person',
        notice: 24 * 60,
        cancelDeadline: 48 * 60,
        practitioners: ['ingrid'],
      },
    ],
  },
  {
    name: 'Fjordbyen helsesenter',
    address: 'Strandkaien 12, 5013 Bergen',
    town: 'Bergen',
    practitioners: [
      {
        key: 'lars',
        name: 'Dr. Lars Berge',
        title: 'Fastlege',
        hours: [[WEEKDAYS, '08:00', '16:00']],
      },
      {
        key: 'mari',
        name: 'Dr. Mari Fjell',
        title: 'Fastlege',
        hours: [[[1, 2, 3], '12:00', '20:00']],
      },
    ],
    types: [
      {
        name: 'Videokonsultasjon 20 min',
        description: 'Samtale med fastlegen på video.',
        duration: 20,
        modality: 'video',
        notice: 60,
        cancelDeadline: 24 * 60,
        practitioners: ['lars', 'mari'],
      },
      {
        name: 'Legetime 20 min',
        description: 'Vanlig time på legekontoret.',
        duration: 20,
        modality: 'in_person',
        notice: 120,
        cancelDeadline: 24 * 60,
        practitioners: ['lars', 'mari'],
      },
    ],
  },
  {
    name: 'Nordlys legekontor',
    address: 'Storgata 90, 9008 Tromsø',
    town: 'Tromsø',
    practitioners: [
      {
        key: 'sami',
        name: 'Dr. Áile Sara',
        title: 'Fastlege',
        hours: [[WEEKDAYS, '08:30', '15:00']],
      },
    ],
    types: [
      {
        name: 'Legetime 30 min',
        description: 'Vanlig time på legekontoret.',
        duration: 30,
        modality: 'in_person',
        notice: 120,
        cancelDeadline: 24 * 60,
        practitioners: ['sami'],
      },
    ],
  },
];

async function insertUser(
  tx: Tx,
  user: {
    email: string;
    name: string;
    phone?: string;
    passwordHash?: string;
    givenName?: string;
    familyName?: string;
    birthDate?: string;
  },
  now: Instant,
) {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO users (email, email_verified_at, phone, phone_verified_at, name, password_hash, locale,
                        given_name, family_name, birth_date)
     VALUES ($1, to_timestamp($2 / 1000.0), $3, CASE WHEN $3::text IS NULL THEN NULL ELSE to_timestamp($2 / 1000.0) END, $4, $5, 'nb',
             $6, $7, $8::date)
     RETURNING id`,
    [
      user.email,
      now,
      user.phone ?? null,
      user.name,
      user.passwordHash ?? null,
      user.givenName ?? null,
      user.familyName ?? null,
      user.birthDate ?? null,
    ],
  );
  return rows[0]!.id;
}

/**
 * Gives the demo staff accounts that have no authenticator app yet the published demo secret,
 * confirmed, so they can sign in at once. Sealed like any TOTP secret, under the server secret.
 */
export async function seedDemoTotp(db: Db, secret: string, now: Instant): Promise<void> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT u.id FROM users u
      WHERE u.email = ANY($1::text[]) AND u.password_hash IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM staff_totp t WHERE t.user_id = u.id)`,
    [DEMO_STAFF_EMAILS],
  );
  const bytes = base32Decode(DEMO.totpSecret);
  for (const { id } of rows) {
    await db.query(
      `INSERT INTO staff_totp (user_id, secret_encrypted, confirmed_at, created_at)
       VALUES ($1, $2, to_timestamp($3 / 1000.0), to_timestamp($3 / 1000.0))
       ON CONFLICT (user_id) DO NOTHING`,
      [id, sealTotpSecret(secret, id, bytes), now],
    );
  }
}

/**
 * Fills an empty database with the demo: "Demo legesenter" in Oslo (five practitioners, two of
 * them taking 15-minute video consultations around the clock), two more clinics, a demo patient
 * with a past appointment, and staff accounts. Does nothing when any clinic exists, except that
 * with the server `secret` the demo staff get the demo authenticator secret if they have none
 * (see {@link seedDemoTotp}). Returns whether it seeded.
 */
export async function seedDemo(
  db: Db,
  now: Instant,
  options: { secret?: string } = {},
): Promise<boolean> {
  const seeded = await seedDemoData(db, now);
  if (options.secret) await seedDemoTotp(db, options.secret, now);
  return seeded;
}

async function seedDemoData(db: Db, now: Instant): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7412305120)');
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM clinics');
    if ((rows[0]?.n ?? 0) > 0) return false;

    const patientId = await insertUser(tx, { ...DEMO.patient }, now);
    let demoClinic: { clinicId: string; practitionerId: string; typeId: string } | null = null;

    for (const clinic of clinics) {
      const { rows: c } = await tx.query<{ id: string }>(
        `INSERT INTO clinics (name, address, town, time_zone, search_text, phone)
         VALUES ($1, $2, $3, 'Europe/Oslo', $4, $5) RETURNING id`,
        [
          clinic.name,
          clinic.address,
          clinic.town,
          clinicSearchText(clinic.name, clinic.town),
          clinic.phone ?? null,
        ],
      );
      const clinicId = c[0]!.id;
      await tx.query('INSERT INTO notification_settings (clinic_id) VALUES ($1)', [clinicId]);
      const practitionerIds = new Map<string, string>();
      for (const p of clinic.practitioners) {
        let userId: string | null = null;
        if (p.login) {
          userId = await insertUser(
            tx,
            {
              email: p.login.email,
              name: p.name.replace(/^Dr\. /, ''),
              passwordHash: await hashPassword(p.login.password),
            },
            now,
          );
          await tx.query(
            'INSERT INTO clinic_memberships (clinic_id, user_id, roles) VALUES ($1, $2, $3)',
            [clinicId, userId, p.login.roles],
          );
        }
        const { rows: pr } = await tx.query<{ id: string }>(
          `INSERT INTO practitioners (clinic_id, user_id, name, title, works_holidays)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [clinicId, userId, p.name, p.title, p.worksHolidays === true],
        );
        const practitionerId = pr[0]!.id;
        practitionerIds.set(p.key, practitionerId);
        for (const [days, start, end] of p.hours) {
          for (const weekday of days) {
            await tx.query(
              'INSERT INTO weekly_hours (practitioner_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)',
              [practitionerId, weekday, start, end],
            );
          }
        }
      }
      for (const [index, t] of clinic.types.entries()) {
        const { rows: tr } = await tx.query<{ id: string }>(
          `INSERT INTO appointment_types (clinic_id, name, description, duration_minutes, modality, minimum_notice_minutes,
                                          horizon_days, cancellation_deadline_minutes, sort_order)
           VALUES ($1, $2, $3, $4, $5, $6, 182, $7, $8) RETURNING id`,
          [
            clinicId,
            t.name,
            t.description,
            t.duration,
            t.modality,
            t.notice,
            t.cancelDeadline,
            index,
          ],
        );
        const typeId = tr[0]!.id;
        for (const key of t.practitioners) {
          await tx.query(
            'INSERT INTO appointment_type_practitioners (appointment_type_id, practitioner_id) VALUES ($1, $2)',
            [typeId, practitionerIds.get(key)],
          );
        }
        if (clinic.name === DEMO.clinicName && index === 0) {
          demoClinic = { clinicId, practitionerId: practitionerIds.get('kari')!, typeId };
        }
      }
    }

    // A past, completed visit, so the demo patient has a clinic "used before".
    if (demoClinic) {
      const start = Math.floor((now - 21 * 86_400_000) / 86_400_000) * 86_400_000 + 8 * 3_600_000;
      await tx.query(
        `INSERT INTO appointments (clinic_id, practitioner_id, patient_id, appointment_type_id, modality, starts_at, ends_at,
                                   status, cancellation_deadline_minutes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'video', to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), 'completed', 1440,
                 to_timestamp($7 / 1000.0), to_timestamp($7 / 1000.0))`,
        [
          demoClinic.clinicId,
          demoClinic.practitionerId,
          patientId,
          demoClinic.typeId,
          start,
          start + 15 * 60_000,
          start - 7 * 86_400_000,
        ],
      );
    }
    return true;
  });
}
