import type { Locale } from '@visitt/contracts';
import {
  retryDelay,
  type AppointmentStatus,
  type Instant,
  type Modality,
  type TimeZoneId,
} from '@visitt/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { AppointmentView } from '../db/appointments';
import {
  CHANNEL_COLUMNS,
  leaseDue,
  recordOutcomes,
  toChannels,
  type ChannelColumns,
  type LeasedNotification,
  type Outcome,
} from '../db/notifications';
import type { Db } from '../db/pool';
import type { Clock } from '../lib/clock';
import { renderMessage } from './messages';
import { TransportError, type Transports } from './transport';

export interface WorkerDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly transports: Transports;
  readonly publicUrl: string;
  readonly log?: Pick<FastifyBaseLogger, 'warn' | 'error'>;
}

export interface WorkerOptions {
  /** Messages leased per round. */
  batchSize?: number;
  /** Sends under way at once. */
  concurrency?: number;
  /** How long a lease lasts: a worker killed mid-send loses its messages for this long at most. */
  leaseMs?: number;
  /** Pause when nothing was due. */
  idleMs?: number;
}

export interface NotificationWorker {
  /** Leases and handles one batch; resolves with how many messages it handled. */
  runOnce(): Promise<number>;
  /** Runs rounds until stopped. */
  start(): void;
  /** Stops after the round under way. */
  stop(): Promise<void>;
}

interface AppointmentRow {
  id: string;
  version: number;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  comment: string | null;
  patient_id: string;
  clinic_id: string;
  clinic_name: string;
  clinic_address: string | null;
  clinic_town: string | null;
  time_zone: string;
  practitioner_id: string;
  practitioner_name: string;
  practitioner_title: string | null;
  type_id: string;
  type_name: string;
  duration_minutes: number;
  cancellation_deadline_minutes: number;
  created_at: Date;
  cancelled_at: Date | null;
  cancellation_message: string | null;
  in_person_answer: string | null;
}

interface RecipientRow extends ChannelColumns {
  id: string;
  email: string | null;
  phone: string | null;
  locale: Locale | null;
}

const OUTCOMES_PER_WRITE = 32;

/** Runs `work` over `items`, at most `limit` at a time. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

const toView = (a: AppointmentRow): AppointmentView => ({
  id: a.id as AppointmentView['id'],
  status: a.status,
  version: a.version,
  start: a.starts_at.getTime() as Instant,
  end: a.ends_at.getTime() as Instant,
  modality: a.modality,
  comment: a.comment,
  patientId: a.patient_id as AppointmentView['patientId'],
  cancellationDeadlineMinutes: a.cancellation_deadline_minutes,
  createdAt: a.created_at.getTime() as Instant,
  cancelledAt: a.cancelled_at ? (a.cancelled_at.getTime() as Instant) : null,
  clinic: {
    id: a.clinic_id as AppointmentView['clinic']['id'],
    name: a.clinic_name,
    town: a.clinic_town,
    address: a.clinic_address,
    timeZone: a.time_zone as TimeZoneId,
  },
  practitioner: {
    id: a.practitioner_id as AppointmentView['practitioner']['id'],
    name: a.practitioner_name,
    title: a.practitioner_title,
  },
  appointmentType: {
    id: a.type_id as AppointmentView['appointmentType']['id'],
    name: a.type_name,
    durationMinutes: a.duration_minutes,
  },
});

/**
 * The outbox worker: leases due messages (FOR UPDATE SKIP LOCKED, so any number of workers can
 * run), checks each is still wanted (not past its deadline, its appointment not cancelled or
 * moved, the contact still verified), renders it in the recipient's language and sends it with
 * the message's id as the provider's reference. A worker killed while sending leaves its leases
 * to run out (`leaseMs`), after which another worker sends those messages again with the same
 * reference, so the provider can tell the resend from a new message.
 */
export function createNotificationWorker(
  deps: WorkerDeps,
  options: WorkerOptions = {},
): NotificationWorker {
  const batchSize = options.batchSize ?? 200;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  const idleMs = options.idleMs ?? 500;
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;

  async function context(leased: readonly LeasedNotification[]) {
    const appointmentIds = [
      ...new Set(leased.map((l) => l.appointmentId).filter((id): id is string => id !== null)),
    ];
    const userIds = [...new Set(leased.map((l) => l.userId))];
    const [appointments, users] = await Promise.all([
      deps.db.query<AppointmentRow>(
        `SELECT a.id, a.version, a.status, a.starts_at, a.ends_at, a.modality, a.comment, a.patient_id,
                a.cancellation_deadline_minutes, a.created_at, a.cancelled_at, a.cancellation_message,
                ipr.answer AS in_person_answer,
                c.id AS clinic_id, c.name AS clinic_name, c.address AS clinic_address, c.town AS clinic_town, c.time_zone,
                p.id AS practitioner_id, p.name AS practitioner_name, p.title AS practitioner_title,
                t.id AS type_id, t.name AS type_name, t.duration_minutes
           FROM appointments a
           JOIN clinics c ON c.id = a.clinic_id
           JOIN practitioners p ON p.id = a.practitioner_id
           JOIN appointment_types t ON t.id = a.appointment_type_id
           LEFT JOIN in_person_requests ipr ON ipr.appointment_id = a.id
          WHERE a.id = ANY($1::uuid[])`,
        [appointmentIds],
      ),
      deps.db.query<RecipientRow>(
        `SELECT u.id, u.email, u.phone, u.locale, ${CHANNEL_COLUMNS} FROM users u WHERE u.id = ANY($1::uuid[])`,
        [userIds],
      ),
    ]);
    return {
      appointments: new Map(appointments.rows.map((a) => [a.id, a])),
      users: new Map(users.rows.map((u) => [u.id, u])),
    };
  }

  async function handle(
    n: LeasedNotification,
    appointment: AppointmentRow | undefined,
    user: RecipientRow | undefined,
  ): Promise<Outcome> {
    const now = deps.clock.now();
    if (now > n.sendBefore) return { status: 'dropped', error: 'too late' };
    if (!appointment || !user) return { status: 'dropped', error: 'gone' };
    const aboutTheTime = n.kind === 'confirmation' || n.kind === 'reminder' || n.kind === 'moved';
    if (
      aboutTheTime &&
      (appointment.status === 'cancelled' || appointment.version !== n.appointmentVersion)
    ) {
      return { status: 'dropped', error: 'appointment changed' };
    }
    // The patient asked again after the answer: the answer is withdrawn, and so is its message.
    if (n.kind === 'in_person_answer' && appointment.in_person_answer === null) {
      return { status: 'dropped', error: 'asked again since the answer' };
    }
    // Only to a contact that is still verified and switched on: nothing is sent to anything else.
    const reachable = toChannels(user);
    const to =
      n.channel === 'email'
        ? reachable.email
          ? user.email
          : null
        : n.channel === 'sms'
          ? reachable.sms
            ? user.phone
            : null
          : reachable.push
            ? user.id
            : null;
    if (!to) return { status: 'dropped', error: 'no verified contact on this channel' };
    const transport = deps.transports[n.channel];
    if (!transport) return { status: 'failed', error: `no ${n.channel} transport configured` };

    const message = renderMessage({
      kind: n.kind,
      channel: n.channel,
      to,
      reference: n.id,
      locale: user.locale ?? 'nb',
      appointment: toView(appointment),
      publicUrl: deps.publicUrl,
      now,
      clinicMessage:
        n.kind === 'cancellation'
          ? appointment.cancellation_message
          : n.kind === 'in_person_answer'
            ? appointment.in_person_answer
            : null,
    });
    try {
      const { reference } = await transport.send(message);
      return { status: 'sent', reference };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (error instanceof TransportError && error.permanent)
        return { status: 'failed', error: text };
      const retryAt = (deps.clock.now() + retryDelay(n.attempts)) as Instant;
      // Transient trouble: again later, unless "later" is past the message's deadline.
      if (retryAt >= n.sendBefore)
        return { status: 'failed', error: `${text} (gave up: deadline)` };
      return { status: 'retry', dueAt: retryAt, error: text };
    }
  }

  async function runOnce(): Promise<number> {
    const leased = await leaseDue(deps.db, deps.clock.now(), batchSize, leaseMs);
    if (leased.length === 0) return 0;
    const { appointments, users } = await context(leased);
    // Outcomes are written a few dozen at a time: far fewer statements than one per message, and
    // a crash can only make those few (sent, not yet recorded) go out again after the lease.
    let pending: { id: string; outcome: Outcome }[] = [];
    const flush = async () => {
      const batch = pending;
      pending = [];
      await recordOutcomes(deps.db, batch, deps.clock.now());
    };
    await inPool(leased, concurrency, async (n) => {
      let outcome: Outcome;
      try {
        outcome = await handle(
          n,
          n.appointmentId ? appointments.get(n.appointmentId) : undefined,
          users.get(n.userId),
        );
      } catch (error) {
        outcome = {
          status: 'retry',
          dueAt: (deps.clock.now() + retryDelay(n.attempts)) as Instant,
          error: String(error),
        };
      }
      pending.push({ id: n.id, outcome });
      if (outcome.status === 'failed') {
        deps.log?.warn(
          { notification: n.id, channel: n.channel, kind: n.kind },
          'notification failed',
        );
      }
      if (pending.length >= OUTCOMES_PER_WRITE) await flush();
    });
    await flush();
    return leased.length;
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let handled = 0;
          try {
            handled = await runOnce();
          } catch (error) {
            deps.log?.error(
              { err: { message: (error as Error).message } },
              'notification worker round failed',
            );
          }
          if (handled < batchSize && running) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, idleMs);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
          }
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
