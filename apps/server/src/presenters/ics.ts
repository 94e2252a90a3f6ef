import type { Locale } from '@visitt/contracts';
import { clinicPlace, type Instant } from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';

const texts = {
  nb: {
    video: 'Videokonsultasjon',
    inPerson: 'Time',
    at: 'hos',
    videoHowTo:
      'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen (fra 15 minutter før timen).',
    open: 'Se timen',
  },
  nn: {
    video: 'Videokonsultasjon',
    inPerson: 'Time',
    at: 'hos',
    videoHowTo:
      'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen (frå 15 minutt før timen).',
    open: 'Sjå timen',
  },
  en: {
    video: 'Video consultation',
    inPerson: 'Appointment',
    at: 'at',
    videoHowTo:
      'Sign in to the Visitt app or the Patient Portal to start the video consultation (from 15 minutes before).',
    open: 'See the appointment',
  },
} satisfies Record<Locale, Record<string, string>>;

/** RFC 5545 TEXT escaping. */
const escapeText = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const utc = (at: Instant) =>
  new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/**
 * A calendar takes a file with a UID it already has as an update only when its SEQUENCE is
 * higher than the one it holds. So it counts the changes: each move raises the appointment's
 * version (1 when booked), and cancelling, which leaves the version alone, is one change more.
 */
const sequence = (a: AppointmentView) => a.version - 1 + (a.status === 'cancelled' ? 1 : 0);

/**
 * The appointment as an iCalendar file for the patient's own calendar. Times in UTC; the
 * patient's calendar shows them in its zone. No comment or other health details inside.
 */
export function presentIcs(
  a: AppointmentView,
  // `withoutType`: for files sent by e-mail, which never name the appointment's type.
  options: { locale: Locale; publicUrl: string; now: Instant; withoutType?: boolean },
): string {
  const t = texts[options.locale];
  const kind = a.modality === 'video' ? t.video : t.inPerson;
  const link = `${options.publicUrl}/timer/${a.id}`;
  const description = [
    options.withoutType
      ? a.practitioner.name
      : `${a.appointmentType.name} – ${a.practitioner.name}`,
    // A cancelled appointment has no call to start.
    ...(a.modality === 'video' && a.status !== 'cancelled' ? [t.videoHowTo] : []),
    `${t.open}: ${link}`,
  ].join('\n');
  const location =
    a.modality === 'video'
      ? `${t.video} (Visitt)`
      : [a.clinic.name, clinicPlace(a.clinic.address, a.clinic.town)].filter(Boolean).join(', ');
  const cancelled = a.status === 'cancelled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Visitt//Visitt//NB',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${a.id}@visitt`,
    `DTSTAMP:${utc(options.now)}`,
    `DTSTART:${utc(a.start)}`,
    `DTEND:${utc(a.end)}`,
    `SUMMARY:${escapeText(`${kind} ${t.at} ${a.clinic.name}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `LOCATION:${escapeText(location)}`,
    `URL:${link}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${sequence(a)}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
