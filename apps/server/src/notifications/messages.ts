import type { Locale } from '@visitt/contracts';
import type {
  Instant,
  Modality,
  NotificationChannel,
  NotificationKind,
  TimeZoneId,
} from '@visitt/domain';
import type { Attachment, OutgoingMessage } from './transport';

/** What a message about an appointment may draw on. */
export interface MessageContext {
  kind: NotificationKind;
  channel: NotificationChannel;
  /** Address, number or (push) user id. */
  to: string;
  reference: string;
  locale: Locale;
  appointmentId: string;
  start: Instant;
  timeZone: TimeZoneId;
  modality: Modality;
  clinicName: string;
  clinicAddress: string | null;
  /** E-mail only: SMS and push never name the practitioner or the type (no health details). */
  practitionerName: string;
  typeName: string;
  publicUrl: string;
  /** The appointment as a calendar file, for e-mails confirming or moving it. */
  ics?: string;
  /**
   * What the clinic wrote when it cancelled. E-mail only: free text may hold health details,
   * so SMS and push never carry it (their link leads to the appointment).
   */
  clinicMessage?: string | null;
}

// Building a formatter costs far more than using one: keep one per language and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

const when = (ctx: MessageContext) => {
  const key = `${ctx.locale}|${ctx.timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(ctx.locale === 'nb' ? 'nb-NO' : 'en-GB', {
      timeZone: ctx.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(key, format);
  }
  return format.format(ctx.start);
};

interface Words {
  subject: Record<NotificationKind, string>;
  line: (ctx: MessageContext, w: string) => Record<NotificationKind, string>;
  videoHowTo: string;
  see: string;
  practitioner: string;
  type: string;
  place: string;
  videoPlace: string;
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
    },
    line: (ctx, w) => ({
      confirmation: `Timen din hos ${ctx.clinicName} ${w} er bestilt.`,
      reminder: `Påminnelse: Du har ${ctx.modality === 'video' ? 'videokonsultasjon' : 'time'} hos ${ctx.clinicName} ${w}.`,
      cancellation: `Timen din hos ${ctx.clinicName} ${w} er avbestilt.`,
      moved: `Timen din hos ${ctx.clinicName} er flyttet til ${w}.`,
      patient_started: `En pasient har startet videokonsultasjonen (timen ${w}).`,
    }),
    videoHowTo:
      'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen. Du kan starte fra 15 minutter før timen.',
    see: 'Se timen',
    practitioner: 'Behandler',
    type: 'Type time',
    place: 'Sted',
    videoPlace: 'Video – du starter fra appen eller Pasientportalen',
    signature: 'Hilsen Visitt på vegne av',
    clinicMessage: 'Melding fra klinikken:',
    pushTitle: {
      confirmation: 'Timen er bestilt',
      reminder: 'Påminnelse om time',
      cancellation: 'Timen er avbestilt',
      moved: 'Timen er flyttet',
      patient_started: 'Pasient i videorommet',
    },
  },
  en: {
    subject: {
      confirmation: 'Your appointment is booked',
      reminder: 'Reminder of your appointment',
      cancellation: 'Your appointment is cancelled',
      moved: 'Your appointment has been moved',
      patient_started: 'A patient is waiting in the video room',
    },
    line: (ctx, w) => ({
      confirmation: `Your appointment at ${ctx.clinicName} on ${w} is booked.`,
      reminder: `Reminder: you have a ${ctx.modality === 'video' ? 'video consultation' : 'appointment'} at ${ctx.clinicName} on ${w}.`,
      cancellation: `Your appointment at ${ctx.clinicName} on ${w} is cancelled.`,
      moved: `Your appointment at ${ctx.clinicName} has been moved to ${w}.`,
      patient_started: `A patient has started the video consultation (appointment ${w}).`,
    }),
    videoHowTo:
      'Sign in to the Visitt app or the Patient Portal to start the video consultation. You can start from 15 minutes before.',
    see: 'See the appointment',
    practitioner: 'Practitioner',
    type: 'Appointment type',
    place: 'Where',
    videoPlace: 'Video – you start it from the app or the Patient Portal',
    signature: 'Regards, Visitt on behalf of',
    clinicMessage: 'Message from the clinic:',
    pushTitle: {
      confirmation: 'Appointment booked',
      reminder: 'Appointment reminder',
      cancellation: 'Appointment cancelled',
      moved: 'Appointment moved',
      patient_started: 'Patient in the video room',
    },
  },
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The message a person receives for an event, in their language. SMS and push carry only the
 * clinic, the time, what to do and a link (no token in it); never the reason for the visit, the
 * comment or the type's details. E-mails say more and carry the calendar file where useful.
 */
export function renderMessage(ctx: MessageContext): OutgoingMessage {
  const w = words[ctx.locale];
  const time = when(ctx);
  const line = w.line(ctx, time)[ctx.kind];
  const isVideoHowTo =
    ctx.modality === 'video' &&
    (ctx.kind === 'reminder' || ctx.kind === 'confirmation' || ctx.kind === 'moved');
  const path = ctx.kind === 'patient_started' ? '/arbeidsflate' : `/timer/${ctx.appointmentId}`;
  const link = `${ctx.publicUrl}${path}`;

  switch (ctx.channel) {
    case 'sms':
      return {
        channel: 'sms',
        to: ctx.to,
        reference: ctx.reference,
        text: [line, ...(isVideoHowTo ? [w.videoHowTo] : []), link].join(' '),
      };
    case 'push':
      return {
        channel: 'push',
        to: ctx.to,
        reference: ctx.reference,
        push: {
          title: w.pushTitle[ctx.kind],
          body: [line, ...(isVideoHowTo ? [w.videoHowTo] : [])].join(' '),
          url: path,
          tag: `${ctx.kind === 'patient_started' ? 'waiting' : 'appointment'}-${ctx.appointmentId}`,
        },
      };
    case 'email': {
      const details: [string, string][] =
        ctx.kind === 'patient_started'
          ? []
          : [
              [w.practitioner, ctx.practitionerName],
              [w.type, ctx.typeName],
              [
                w.place,
                ctx.modality === 'video'
                  ? w.videoPlace
                  : [ctx.clinicName, ctx.clinicAddress].filter(Boolean).join(', '),
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
        `${w.see}: ${link}`,
        '',
        `${w.signature} ${ctx.clinicName}`,
      ].join('\n');
      const html = `<!doctype html><html lang="${ctx.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b2430">
${paragraphs.map((p) => `<p style="white-space:pre-line">${escapeHtml(p)}</p>`).join('\n')}
${details.length ? `<table role="presentation">${details.map(([k, v]) => `<tr><th align="left" style="padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>` : ''}
<p><a href="${escapeHtml(link)}">${escapeHtml(w.see)}</a></p>
<p style="color:#555">${escapeHtml(`${w.signature} ${ctx.clinicName}`)}</p>
</body></html>`;
      const attachments: Attachment[] =
        ctx.ics &&
        (ctx.kind === 'confirmation' || ctx.kind === 'moved' || ctx.kind === 'cancellation')
          ? [
              {
                filename: 'visitt-time.ics',
                contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                content: ctx.ics,
              },
            ]
          : [];
      return {
        channel: 'email',
        to: ctx.to,
        reference: ctx.reference,
        subject: `${w.subject[ctx.kind]} – ${ctx.clinicName}`,
        text,
        html,
        ...(attachments.length ? { attachments } : {}),
      };
    }
  }
}
