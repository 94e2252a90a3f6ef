import type { GuestRole, Locale } from '@visitt/contracts';
import { intlLocale } from '../../notifications/texts';

/** What a guest invitation says: to what, where and when, and the link. Nothing about the patient. */
export interface GuestInvitationMessage {
  clinicName: string;
  role: GuestRole;
  /** The appointment's start, already written out in the clinic's zone and the language. */
  when: string;
  link: string;
}

const roleNames: Record<Locale, Record<GuestRole, string>> = {
  nb: { interpreter: 'tolk', relative: 'pårørende', clinician: 'helsepersonell' },
  nn: { interpreter: 'tolk', relative: 'pårørande', clinician: 'helsepersonell' },
  en: { interpreter: 'interpreter', relative: 'relative', clinician: 'clinician' },
};

/**
 * The guest's invitation in the clinic's language, by e-mail or SMS. It names the clinic and the
 * time, never the patient, the appointment's type or the reason.
 */
export const guestInvitationText: Record<
  Locale,
  {
    subject: (m: GuestInvitationMessage) => string;
    text: (m: GuestInvitationMessage) => string;
    sms: (m: GuestInvitationMessage) => string;
  }
> = {
  nb: {
    subject: (m) => `Invitasjon til videokonsultasjon hos ${m.clinicName}`,
    text: (m) =>
      [
        `Du er invitert som ${roleNames.nb[m.role]} til en videokonsultasjon hos ${m.clinicName} ${m.when}.`,
        '',
        'Åpne lenken i nettleseren fra 15 minutter før. Du trenger ingen konto. Behandleren slipper deg inn.',
        m.link,
        '',
        'Lenken er personlig og virker i én nettleser om gangen. Del den ikke med andre.',
      ].join('\n'),
    sms: (m) =>
      `Du er invitert som ${roleNames.nb[m.role]} til videokonsultasjon hos ${m.clinicName} ${m.when}. Åpne fra 15 min før: ${m.link}`,
  },
  nn: {
    subject: (m) => `Invitasjon til videokonsultasjon hos ${m.clinicName}`,
    text: (m) =>
      [
        `Du er invitert som ${roleNames.nn[m.role]} til ein videokonsultasjon hos ${m.clinicName} ${m.when}.`,
        '',
        'Opne lenka i nettlesaren frå 15 minutt før. Du treng ingen konto. Behandlaren slepp deg inn.',
        m.link,
        '',
        'Lenka er personleg og verkar i éin nettlesar om gongen. Del den ikkje med andre.',
      ].join('\n'),
    sms: (m) =>
      `Du er invitert som ${roleNames.nn[m.role]} til videokonsultasjon hos ${m.clinicName} ${m.when}. Opne frå 15 min før: ${m.link}`,
  },
  en: {
    subject: (m) => `Invitation to a video consultation at ${m.clinicName}`,
    text: (m) =>
      [
        `You are invited as ${roleNames.en[m.role]} to a video consultation at ${m.clinicName} ${m.when}.`,
        '',
        'Open the link in your browser from 15 minutes before. You need no account. The practitioner lets you in.',
        m.link,
        '',
        'The link is personal and works in one browser at a time. Do not share it.',
      ].join('\n'),
    sms: (m) =>
      `You are invited as ${roleNames.en[m.role]} to a video consultation at ${m.clinicName} ${m.when}. Open from 15 min before: ${m.link}`,
  },
};

/** The start as the invitation writes it: "mandag 30. november kl. 10:00". */
export function formatGuestWhen(start: number, locale: Locale, timeZone: string): string {
  const format = new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  // "mandag 30. november kl. 10:00", "måndag 30. november kl. 10:00", "Monday 30 November at 10:00"
  const text = format.format(start);
  return locale === 'en' ? `on ${text}` : text;
}
