import type { Locale, StaffRole } from '@visitt/contracts';
import { intlLocale } from '../../notifications/texts';

/** What an invitation e-mail says: who invites, to which clinic, as what, and until when. */
export interface InvitationMessage {
  clinicName: string;
  inviterName: string | null;
  roles: readonly StaffRole[];
  link: string;
  /** The expiry, already written out in the clinic's zone and the language. */
  expires: string;
  email: string;
}

const roleNames: Record<Locale, Record<StaffRole, string>> = {
  nb: { admin: 'administrator', practitioner: 'behandler' },
  nn: { admin: 'administrator', practitioner: 'behandlar' },
  en: { admin: 'administrator', practitioner: 'practitioner' },
};

/** The invitation e-mail (plain text) in the inviter's language. No patient data ever goes in it. */
export const invitationText: Record<
  Locale,
  { subject: (m: InvitationMessage) => string; text: (m: InvitationMessage) => string }
> = {
  nb: {
    subject: (m) => `Invitasjon til ${m.clinicName} i Visitt`,
    text: (m) =>
      [
        `${m.inviterName ?? 'En administrator'} har invitert deg til ${m.clinicName} i Visitt som ${m.roles
          .map((r) => roleNames.nb[r])
          .join(' og ')}.`,
        '',
        `Logg inn eller opprett en konto med denne e-postadressen (${m.email}), og åpne lenken for å godta invitasjonen:`,
        m.link,
        '',
        `Lenken kan brukes én gang og gjelder til ${m.expires}. Venter du ikke denne invitasjonen, kan du se bort fra meldingen.`,
      ].join('\n'),
  },
  nn: {
    subject: (m) => `Invitasjon til ${m.clinicName} i Visitt`,
    text: (m) =>
      [
        `${m.inviterName ?? 'Ein administrator'} har invitert deg til ${m.clinicName} i Visitt som ${m.roles
          .map((r) => roleNames.nn[r])
          .join(' og ')}.`,
        '',
        `Logg inn eller opprett ein konto med denne e-postadressa (${m.email}), og opne lenka for å godta invitasjonen:`,
        m.link,
        '',
        `Lenka kan brukast éin gong og gjeld til ${m.expires}. Ventar du ikkje denne invitasjonen, kan du sjå bort frå meldinga.`,
      ].join('\n'),
  },
  en: {
    subject: (m) => `Invitation to ${m.clinicName} on Visitt`,
    text: (m) =>
      [
        `${m.inviterName ?? 'An administrator'} has invited you to ${m.clinicName} on Visitt as ${m.roles
          .map((r) => roleNames.en[r])
          .join(' and ')}.`,
        '',
        `Sign in or create an account with this e-mail address (${m.email}), then open the link to accept the invitation:`,
        m.link,
        '',
        `The link can be used once and is valid until ${m.expires}. If you did not expect this invitation, you can ignore this message.`,
      ].join('\n'),
  },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant written out for people, in the language and the clinic's zone. */
export function formatExpiry(at: number, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], {
      timeZone,
      dateStyle: 'long',
      timeStyle: 'short',
    });
    formatters.set(key, format);
  }
  return format.format(at);
}
