import type { Locale } from '@visitt/contracts';
import {
  clinicPlace,
  type Instant,
  type NotificationChannel,
  type NotificationKind,
} from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';
import { presentIcs } from '../presenters/ics';
import { GSM7_SEGMENT, gsm7Length, toGsm7 } from './gsm7';
import { intlLocale } from './texts';
import type { Attachment, OutgoingMessage } from './transport';

/**
 * What a message about an appointment is rendered from. The appointment comes whole (type and
 * comment included) so that leaving them out is this module's promise, tested here.
 */
export interface MessageContext {
  kind: NotificationKind;
  channel: NotificationChannel;
  /** Address, number or (push) user id. */
  to: string;
  reference: string;
  locale: Locale;
  appointment: AppointmentView;
  publicUrl: string;
  now: Instant;
  /**
   * What the clinic wrote when it cancelled. E-mail only: free text may hold health details,
   * so SMS and push never carry it (their link leads to the appointment).
   */
  clinicMessage?: string | null;
}

// Building a formatter costs far more than using one: keep one per style, language and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: 'long' | 'short', locale: Locale, timeZone: string) {
  const key = `${style}|${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone,
      weekday: style,
      day: 'numeric',
      month: style === 'long' ? 'long' : locale === 'en' ? 'short' : 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, format);
  }
  return format;
}

/** "onsdag 2. desember kl. 10:00" / "Wednesday 2 December at 10:00", for e-mail and push. */
const longWhen = (ctx: MessageContext) =>
  formatter('long', ctx.locale, ctx.appointment.clinic.timeZone).format(ctx.appointment.start);

/**
 * "ons. 2.12. kl. 10:00" / "on. 2.12. kl. 10:00" (nynorsk) / "Wed 2 Dec at 10:00": the SMS's
 * date, short enough for one segment.
 */
function shortWhen(ctx: MessageContext) {
  const parts = Object.fromEntries(
    formatter('short', ctx.locale, ctx.appointment.clinic.timeZone)
      .formatToParts(ctx.appointment.start)
      .map((p) => [p.type, p.value]),
  );
  const { weekday, day, month, hour, minute } = parts;
  return ctx.locale === 'en'
    ? `${weekday} ${day} ${month} at ${hour}:${minute}`
    : `${weekday} ${day}.${month}. kl. ${hour}:${minute}`;
}

type Lines = (clinic: string, when: string, isVideo: boolean) => Record<NotificationKind, string>;

interface Words {
  subject: Record<NotificationKind, string>;
  /** Full sentences for e-mail and push. */
  line: Lines;
  /** SMS: the same in fewer characters, ending where the link follows. */
  sms: Lines;
  /**
   * SMS when the address is too long for `sms` even with the clinic's name cut: what happened,
   * where and when, and the link; the instruction is left to the page it opens.
   */
  smsShort: Lines;
  videoHowTo: string;
  /** Before a video consultation: the test page, with camera, sound and network. */
  testLink: string;
  see: string;
  practitioner: string;
  place: string;
  videoPlace: string;
  videoPlaceCancelled: string;
  signature: string;
  clinicMessage: string;
  pushTitle: Record<NotificationKind, string>;
}

const words: Record<Locale, Words> = {
  nb: {
    subject: {
      confirmation: 'Timen din er bestilt',
      reminder: 'Påminnelse om timen din',
      cancellation: 'Timen din er avbestilt',
      moved: 'Timen din er flyttet',
      patient_started: 'En pasient venter i videorommet',
      in_person_answer: 'Svar om oppmøte i stedet for video',
    },
    line: (clinic, w, isVideo) => ({
      confirmation: `Timen din hos ${clinic} ${w} er bestilt.`,
      reminder: `Påminnelse: Du har ${isVideo ? 'videokonsultasjon' : 'time'} hos ${clinic} ${w}.`,
      cancellation: `Timen din hos ${clinic} ${w} er avbestilt.`,
      moved: `Timen din hos ${clinic} er flyttet til ${w}.`,
      patient_started: `En pasient har startet videokonsultasjonen (timen ${w}).`,
      in_person_answer: `${clinic} har svart på spørsmålet ditt om oppmøte i stedet for videokonsultasjonen ${w}.`,
    }),
    sms: (clinic, w, isVideo) => ({
      confirmation: `Timen din hos ${clinic} ${w} er bestilt. ${isVideo ? 'Start videotimen i appen eller portalen:' : 'Se timen:'}`,
      reminder: isVideo
        ? `Påminnelse: Videotime hos ${clinic} ${w}. Logg inn i appen eller portalen for å starte:`
        : `Påminnelse: Time hos ${clinic} ${w}. Se timen:`,
      cancellation: `Timen din hos ${clinic} ${w} er avbestilt. Se timene dine:`,
      moved: `Timen din hos ${clinic} er flyttet til ${w}. Se timen:`,
      patient_started: `En pasient venter i videorommet (timen ${w}):`,
      in_person_answer: `${clinic} har svart på spørsmålet ditt om oppmøte ${w}. Se svaret:`,
    }),
    smsShort: (clinic, w, isVideo) => ({
      confirmation: `Bestilt: ${isVideo ? 'videotime' : 'time'} hos ${clinic} ${w}:`,
      reminder: `Påminnelse: ${isVideo ? 'videotime' : 'time'} hos ${clinic} ${w}:`,
      cancellation: `Avbestilt: time hos ${clinic} ${w}:`,
      moved: `Flyttet: time hos ${clinic} til ${w}:`,
      patient_started: `Pasient venter (timen ${w}):`,
      in_person_answer: `Svar om oppmøte: ${clinic} ${w}:`,
    }),
    videoHowTo:
      'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen. Du kan starte fra 15 minutter før timen.',
    testLink: 'Test kamera, lyd og nett på forhånd',
    see: 'Se timen',
    practitioner: 'Behandler',
    place: 'Sted',
    videoPlace: 'Video – du starter fra appen eller Pasientportalen',
    videoPlaceCancelled: 'Video',
    signature: 'Hilsen Visitt på vegne av',
    clinicMessage: 'Melding fra klinikken:',
    pushTitle: {
      confirmation: 'Timen er bestilt',
      reminder: 'Påminnelse om time',
      cancellation: 'Timen er avbestilt',
      moved: 'Timen er flyttet',
      patient_started: 'Pasient i videorommet',
      in_person_answer: 'Svar fra klinikken',
    },
  },
  nn: {
    subject: {
      confirmation: 'Timen din er bestilt',
      reminder: 'Påminning om timen din',
      cancellation: 'Timen din er avbestilt',
      moved: 'Timen din er flytta',
      patient_started: 'Ein pasient ventar i videorommet',
      in_person_answer: 'Svar om oppmøte i staden for video',
    },
    line: (clinic, w, isVideo) => ({
      confirmation: `Timen din hos ${clinic} ${w} er bestilt.`,
      reminder: `Påminning: Du har ${isVideo ? 'videokonsultasjon' : 'time'} hos ${clinic} ${w}.`,
      cancellation: `Timen din hos ${clinic} ${w} er avbestilt.`,
      moved: `Timen din hos ${clinic} er flytta til ${w}.`,
      patient_started: `Ein pasient har starta videokonsultasjonen (timen ${w}).`,
      in_person_answer: `${clinic} har svart på spørsmålet ditt om oppmøte i staden for videokonsultasjonen ${w}.`,
    }),
    sms: (clinic, w, isVideo) => ({
      confirmation: `Timen din hos ${clinic} ${w} er bestilt. ${isVideo ? 'Start videotimen i appen eller portalen:' : 'Sjå timen:'}`,
      reminder: isVideo
        ? `Påminning: Videotime hos ${clinic} ${w}. Logg inn i appen eller portalen for å starte:`
        : `Påminning: Time hos ${clinic} ${w}. Sjå timen:`,
      cancellation: `Timen din hos ${clinic} ${w} er avbestilt. Sjå timane dine:`,
      moved: `Timen din hos ${clinic} er flytta til ${w}. Sjå timen:`,
      patient_started: `Ein pasient ventar i videorommet (timen ${w}):`,
      in_person_answer: `${clinic} har svart på spørsmålet ditt om oppmøte ${w}. Sjå svaret:`,
    }),
    smsShort: (clinic, w, isVideo) => ({
      confirmation: `Bestilt: ${isVideo ? 'videotime' : 'time'} hos ${clinic} ${w}:`,
      reminder: `Påminning: ${isVideo ? 'videotime' : 'time'} hos ${clinic} ${w}:`,
      cancellation: `Avbestilt: time hos ${clinic} ${w}:`,
      moved: `Flytta: time hos ${clinic} til ${w}:`,
      patient_started: `Pasient ventar (timen ${w}):`,
      in_person_answer: `Svar om oppmøte: ${clinic} ${w}:`,
    }),
    videoHowTo:
      'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen. Du kan starte frå 15 minutt før timen.',
    testLink: 'Test kamera, lyd og nett på førehand',
    see: 'Sjå timen',
    practitioner: 'Behandlar',
    place: 'Stad',
    videoPlace: 'Video – du startar frå appen eller Pasientportalen',
    videoPlaceCancelled: 'Video',
    signature: 'Helsing Visitt på vegner av',
    clinicMessage: 'Melding frå klinikken:',
    pushTitle: {
      confirmation: 'Timen er bestilt',
      reminder: 'Påminning om time',
      cancellation: 'Timen er avbestilt',
      moved: 'Timen er flytta',
      patient_started: 'Pasient i videorommet',
      in_person_answer: 'Svar frå klinikken',
    },
  },
  en: {
    subject: {
      confirmation: 'Your appointment is booked',
      reminder: 'Reminder of your appointment',
      cancellation: 'Your appointment is cancelled',
      moved: 'Your appointment has been moved',
      patient_started: 'A patient is waiting in the video room',
      in_person_answer: 'Answer about coming in instead of video',
    },
    line: (clinic, w, isVideo) => ({
      confirmation: `Your appointment at ${clinic} on ${w} is booked.`,
      reminder: `Reminder: you have a ${isVideo ? 'video consultation' : 'appointment'} at ${clinic} on ${w}.`,
      cancellation: `Your appointment at ${clinic} on ${w} is cancelled.`,
      moved: `Your appointment at ${clinic} has been moved to ${w}.`,
      patient_started: `A patient has started the video consultation (appointment ${w}).`,
      in_person_answer: `${clinic} has answered your request to come in instead of the video consultation on ${w}.`,
    }),
    sms: (clinic, w, isVideo) => ({
      confirmation: `Your appointment at ${clinic} on ${w} is booked. ${isVideo ? 'Start the video call in the app or portal:' : 'See it here:'}`,
      reminder: isVideo
        ? `Reminder: video appointment at ${clinic} on ${w}. Sign in to the app or portal to start:`
        : `Reminder: appointment at ${clinic} on ${w}. See it here:`,
      cancellation: `Your appointment at ${clinic} on ${w} is cancelled. Your appointments:`,
      moved: `Your appointment at ${clinic} is moved to ${w}. See it here:`,
      patient_started: `A patient is waiting in the video room (appointment ${w}):`,
      in_person_answer: `${clinic} has answered your request to come in (${w}). See the answer:`,
    }),
    smsShort: (clinic, w, isVideo) => ({
      confirmation: `Booked: ${isVideo ? 'video appointment' : 'appointment'} at ${clinic} ${w}:`,
      reminder: `Reminder: ${isVideo ? 'video appointment' : 'appointment'} at ${clinic} ${w}:`,
      cancellation: `Cancelled: appointment at ${clinic} ${w}:`,
      moved: `Moved: appointment at ${clinic} to ${w}:`,
      patient_started: `Patient waiting (appointment ${w}):`,
      in_person_answer: `Answer about coming in: ${clinic} ${w}:`,
    }),
    videoHowTo:
      'Sign in to the Visitt app or the Patient Portal to start the video consultation. You can start from 15 minutes before.',
    testLink: 'Test your camera, sound and network beforehand',
    see: 'See the appointment',
    practitioner: 'Practitioner',
    place: 'Where',
    videoPlace: 'Video – you start it from the app or the Patient Portal',
    videoPlaceCancelled: 'Video',
    signature: 'Regards, Visitt on behalf of',
    clinicMessage: 'Message from the clinic:',
    pushTitle: {
      confirmation: 'Appointment booked',
      reminder: 'Appointment reminder',
      cancellation: 'Appointment cancelled',
      moved: 'Appointment moved',
      patient_started: 'Patient in the video room',
      in_person_answer: 'Answer from the clinic',
    },
  },
};

/** The shortest a clinic's name is cut to in an SMS before the text is allowed a second segment. */
const MIN_SMS_CLINIC = 12;

/**
 * The SMS text: a sentence with the clinic's name, and the link, in GSM-7, in one segment. When
 * too long, the clinic's name is cut (at a word where it can) and ends in "..": the date, the
 * instruction and the link are what the patient needs; the name only has to be recognisable.
 * When that is not enough (a long public address), the shorter sentence is tried the same way.
 */
function fitSms(
  sentences: readonly ((clinic: string) => string)[],
  clinicName: string,
  link: string,
): string {
  const name = toGsm7(clinicName.trim());
  let text = '';
  for (const sentence of sentences) {
    const compose = (clinic: string) => toGsm7(`${sentence(clinic)} ${link}`);
    text = compose(name);
    const over = (gsm7Length(text) ?? Infinity) - GSM7_SEGMENT;
    if (over <= 0) return text;
    const room = Math.max(MIN_SMS_CLINIC, name.length - over - 2);
    let cut = name.slice(0, room);
    const space = cut.lastIndexOf(' ');
    if (space >= MIN_SMS_CLINIC && space >= room - 8) cut = cut.slice(0, space);
    text = cut.length < name.length ? compose(`${cut.replace(/[\s.,;:-]+$/, '')}..`) : text;
    if ((gsm7Length(text) ?? Infinity) <= GSM7_SEGMENT) return text;
  }
  return text;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The message a person receives for an event, in their language. None names the appointment's
 * type, the patient's comment or anything else about their health: SMS and push carry the
 * clinic, the time, what to do and a link (no token in it); e-mails add the practitioner and
 * the place, and a calendar file for a booking, move or cancellation. SMS are GSM-7 in one
 * segment and link to the patient's appointments (a path short enough to fit). A cancellation
 * says nothing about how to start the call.
 */
export function renderMessage(ctx: MessageContext): OutgoingMessage {
  const w = words[ctx.locale];
  const a = ctx.appointment;
  const isVideo = a.modality === 'video';
  const line = w.line(a.clinic.name, longWhen(ctx), isVideo)[ctx.kind];
  const isVideoHowTo =
    isVideo && (ctx.kind === 'reminder' || ctx.kind === 'confirmation' || ctx.kind === 'moved');
  const path = ctx.kind === 'patient_started' ? '/arbeidsflate' : `/timer/${a.id}`;
  const link = `${ctx.publicUrl}${path}`;
  const testLink = `${ctx.publicUrl}/test`;

  switch (ctx.channel) {
    case 'sms': {
      const smsPath = ctx.kind === 'patient_started' ? '/arbeidsflate' : '/timer';
      const when = shortWhen(ctx);
      return {
        channel: 'sms',
        to: ctx.to,
        reference: ctx.reference,
        text: fitSms(
          [
            (clinic) => w.sms(clinic, when, isVideo)[ctx.kind],
            (clinic) => w.smsShort(clinic, when, isVideo)[ctx.kind],
          ],
          a.clinic.name,
          `${ctx.publicUrl}${smsPath}`,
        ),
      };
    }
    case 'push':
      return {
        channel: 'push',
        to: ctx.to,
        reference: ctx.reference,
        push: {
          title: w.pushTitle[ctx.kind],
          body: [line, ...(isVideoHowTo ? [w.videoHowTo] : [])].join(' '),
          url: path,
          tag: `${ctx.kind === 'patient_started' ? 'waiting' : 'appointment'}-${a.id}`,
        },
      };
    case 'email': {
      const clinicAddress = clinicPlace(a.clinic.address, a.clinic.town);
      const details: [string, string][] =
        ctx.kind === 'patient_started'
          ? []
          : [
              [w.practitioner, a.practitioner.name],
              [
                w.place,
                isVideo
                  ? ctx.kind === 'cancellation'
                    ? w.videoPlaceCancelled
                    : w.videoPlace
                  : [a.clinic.name, clinicAddress].filter(Boolean).join(', '),
              ],
            ];
      const paragraphs = [
        line,
        ...(isVideoHowTo ? [w.videoHowTo] : []),
        ...(ctx.clinicMessage ? [`${w.clinicMessage}\n${ctx.clinicMessage}`] : []),
      ];
      const text = [
        ...paragraphs,
        '',
        ...details.map(([k, v]) => `${k}: ${v}`),
        '',
        ...(isVideoHowTo ? [`${w.testLink}: ${testLink}`] : []),
        `${w.see}: ${link}`,
        '',
        `${w.signature} ${a.clinic.name}`,
      ].join('\n');
      const html = `<!doctype html><html lang="${ctx.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b2430">
${paragraphs.map((p) => `<p style="white-space:pre-line">${escapeHtml(p)}</p>`).join('\n')}
${details.length ? `<table role="presentation">${details.map(([k, v]) => `<tr><th align="left" style="padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : ''}
${isVideoHowTo ? `<p><a href="${escapeHtml(testLink)}">${escapeHtml(w.testLink)}</a></p>\n` : ''}<p><a href="${escapeHtml(link)}">${escapeHtml(w.see)}</a></p>
<p style="color:#555">${escapeHtml(`${w.signature} ${a.clinic.name}`)}</p>
</body></html>`;
      const attachments: Attachment[] =
        ctx.kind === 'confirmation' || ctx.kind === 'moved' || ctx.kind === 'cancellation'
          ? [
              {
                filename: 'visitt-time.ics',
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                content: presentIcs(a, {
                  locale: ctx.locale,
                  publicUrl: ctx.publicUrl,
                  now: ctx.now,
                  withoutType: true,
                }),
              },
            ]
          : [];
      return {
        channel: 'email',
        to: ctx.to,
        reference: ctx.reference,
        subject: `${w.subject[ctx.kind]} – ${a.clinic.name}`,
        text,
        html,
        ...(attachments.length ? { attachments } : {}),
      };
    }
  }
}
