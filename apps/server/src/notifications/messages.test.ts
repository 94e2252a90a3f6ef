import { describe, expect, it } from 'vitest';
import type { Locale } from '@visitt/contracts';
import type { Instant, NotificationChannel, NotificationKind } from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';
import { anAppointmentView } from '../../test/appointment-view';
import { GSM7_SEGMENT, gsm7Length } from './gsm7';
import { renderMessage, type MessageContext } from './messages';
import { localeFromAcceptLanguage, signInCodeText } from './texts';

// The comment and the type name are there to prove that no message carries them.
const appointment: AppointmentView = anAppointmentView({
  comment: 'Vondt i brystet om natten',
  appointmentType: {
    id: 't-1' as AppointmentView['appointmentType']['id'],
    name: 'Samtale om angst',
    durationMinutes: 30,
  },
});

const base: MessageContext = {
  kind: 'reminder',
  channel: 'sms',
  to: '+4791234567',
  reference: 'n-1',
  locale: 'nb',
  appointment,
  publicUrl: 'https://visitt.example.no',
  now: Date.parse('2026-11-30T09:00:00Z') as Instant,
};

const KINDS: NotificationKind[] = [
  'confirmation',
  'reminder',
  'cancellation',
  'moved',
  'patient_started',
];
const PATIENT_KINDS = ['confirmation', 'reminder', 'cancellation', 'moved'] as const;
const CHANNELS: NotificationChannel[] = ['sms', 'push', 'email'];
const LOCALES: Locale[] = ['nb', 'nn', 'en'];

/** Everything a message carries, attachments included, as one string. */
const everything = (ctx: MessageContext) => JSON.stringify(renderMessage(ctx));
const smsText = (ctx: MessageContext) => {
  const sms = renderMessage({ ...ctx, channel: 'sms' });
  if (sms.channel !== 'sms') throw new Error('not an SMS');
  return sms.text;
};

describe('gsm7Length', () => {
  it('counts the default alphabet once, the extension table twice, and refuses the rest', () => {
    expect(gsm7Length('Påminnelse: Ærøy, Østre Åsen')).toBe(28);
    expect(gsm7Length('€10 [a]')).toBe(10);
    expect(gsm7Length('Timen – i dag')).toBeNull(); // en dash: would be UCS-2, 70 a segment
    expect(gsm7Length('😀')).toBeNull();
  });
});

describe('renderMessage', () => {
  it('names neither the type, its description nor the comment, in any kind, channel or language', () => {
    const secrets = ['Samtale om angst', 'angst', 'Vondt i brystet', 'brystet'];
    for (const modality of ['video', 'in_person'] as const)
      for (const kind of KINDS)
        for (const channel of CHANNELS)
          for (const locale of LOCALES) {
            const ctx = {
              ...base,
              kind,
              channel,
              locale,
              appointment: {
                ...appointment,
                modality,
                status: kind === 'cancellation' ? ('cancelled' as const) : ('booked' as const),
              },
            };
            const text = everything(ctx);
            for (const secret of secrets)
              expect(text, `${kind}/${channel}/${locale}`).not.toContain(secret);
          }
  });

  it('says in SMS where and when, and to sign in to start a video consultation', () => {
    expect(renderMessage(base)).toEqual({
      channel: 'sms',
      to: '+4791234567',
      reference: 'n-1',
      text: 'Påminnelse: Videotime hos Demo legesenter ons. 2.12. kl. 10:00. Logg inn i appen eller portalen for å starte: https://visitt.example.no/timer',
    });
    expect(smsText({ ...base, locale: 'nn' })).toBe(
      'Påminning: Videotime hos Demo legesenter on. 2.12. kl. 10:00. Logg inn i appen eller portalen for å starte: https://visitt.example.no/timer',
    );
    expect(smsText({ ...base, locale: 'en' })).toBe(
      'Reminder: video appointment at Demo legesenter on Wed 2 Dec at 10:00. Sign in to the app or portal to start: https://visitt.example.no/timer',
    );
  });

  it('writes in the patient’s language, in the clinic’s time zone', () => {
    expect(smsText({ ...base, locale: 'en', kind: 'moved' })).toMatch(
      /^Your appointment at Demo legesenter is moved to Wed 2 Dec at 10:00\./,
    );
    const email = renderMessage({ ...base, channel: 'email', locale: 'en', kind: 'moved' });
    expect(email.channel === 'email' && email.text).toMatch(
      /^Your appointment at Demo legesenter has been moved to Wednesday 2 December at 10:00\./,
    );
  });

  it('writes nynorsk for a patient who chose it, not bokmål', () => {
    const nn = { ...base, locale: 'nn' as const };
    // Nynorsk's own short weekday ("on.", not bokmål's "ons.").
    expect(smsText({ ...nn, kind: 'moved' })).toBe(
      'Timen din hos Demo legesenter er flytta til on. 2.12. kl. 10:00. Sjå timen: https://visitt.example.no/timer',
    );
    expect(smsText({ ...nn, kind: 'cancellation' })).toBe(
      'Timen din hos Demo legesenter on. 2.12. kl. 10:00 er avbestilt. Sjå timane dine: https://visitt.example.no/timer',
    );
    expect(
      smsText({ ...nn, kind: 'reminder', appointment: { ...appointment, modality: 'in_person' } }),
    ).toBe(
      'Påminning: Time hos Demo legesenter on. 2.12. kl. 10:00. Sjå timen: https://visitt.example.no/timer',
    );
    const email = renderMessage({ ...nn, channel: 'email', to: 'x@example.com', kind: 'moved' });
    if (email.channel !== 'email') throw new Error('not an e-mail');
    expect(email.subject).toBe('Timen din er flytta – Demo legesenter');
    expect(email.text).toBe(
      [
        'Timen din hos Demo legesenter er flytta til onsdag 2. desember kl. 10:00.',
        'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen. Du kan starte frå 15 minutt før timen.',
        '',
        'Behandlar: Ingrid Berg',
        'Stad: Video – du startar frå appen eller Pasientportalen',
        '',
        'Test kamera, lyd og nett på førehand: https://visitt.example.no/test',
        'Sjå timen: https://visitt.example.no/timer/7f1e1b4e-0000-4000-8000-000000000001',
        '',
        'Helsing Visitt på vegner av Demo legesenter',
      ].join('\n'),
    );
    expect(email.html).toContain('<html lang="nn">');
    expect(email.html).toContain(
      '<a href="https://visitt.example.no/test">Test kamera, lyd og nett på førehand</a>',
    );
    const ics = email.attachments![0]!.content.replace(/\r\n /g, '');
    expect(ics).toContain('SUMMARY:Videokonsultasjon hos Demo legesenter');
    expect(ics).toContain('(frå 15 minutt før timen).\\nSjå timen: https://');
    expect(
      renderMessage({ ...nn, channel: 'push', to: 'u', kind: 'patient_started' }),
    ).toMatchObject({
      push: {
        title: 'Pasient i videorommet',
        body: 'Ein pasient har starta videokonsultasjonen (timen onsdag 2. desember kl. 10:00).',
      },
    });
    // Words a bokmål text would give itself away by, in every kind, channel and form.
    const bokmal =
      /\b(ikke|noen|fra|hilsen|vegne|behandler|sted|se|påminnelse|flyttet|venter|startet|en|timene|minutter)\b/i;
    for (const modality of ['video', 'in_person'] as const)
      for (const kind of KINDS)
        for (const channel of CHANNELS) {
          const message = renderMessage({
            ...nn,
            kind,
            channel,
            clinicMessage: 'Ring oss.',
            appointment: {
              ...appointment,
              modality,
              status: kind === 'cancellation' ? 'cancelled' : 'booked',
            },
          });
          const text =
            message.channel === 'sms'
              ? message.text
              : message.channel === 'push'
                ? `${message.push.title} ${message.push.body}`
                : [
                    message.subject,
                    message.text,
                    ...(message.attachments ?? []).map((a) =>
                      a.content.replace(/\r\n /g, '').replace(/\\n/g, '\n'),
                    ),
                  ].join('\n');
          expect(text, `${kind}/${channel}/${modality}`).not.toMatch(bokmal);
        }
  });

  describe('SMS in one GSM-7 segment', () => {
    // A long real-world style name, and a PUBLIC_URL of a typical length.
    const long = {
      ...base,
      publicUrl: 'https://visitt.fjordhelse.no',
      appointment: {
        ...appointment,
        start: Date.parse('2026-09-30T10:45:00Z') as Instant, // a long weekday and month
        clinic: {
          ...appointment.clinic,
          name: 'Legesenteret på Grünerløkka og Sagene – Ærøy avd.',
        },
      },
    };
    // An address as long as a municipality's sub-domain can make it (76 characters): the shorter
    // sentence takes over.
    const longAddress = {
      ...long,
      publicUrl: 'https://videokonsultasjon.legesenteret-grunerlokka-og-sagene.oslo.kommune.no',
    };
    const lengths: Record<string, number> = {};

    it.each(LOCALES.flatMap((locale) => PATIENT_KINDS.map((kind) => [locale, kind] as const)))(
      '%s %s fits, link included, for video and in person',
      (locale, kind) => {
        for (const modality of ['video', 'in_person'] as const) {
          for (const ctx of [base, long, longAddress]) {
            const text = smsText({
              ...ctx,
              locale,
              kind,
              appointment: { ...ctx.appointment, modality },
            });
            const length = gsm7Length(text);
            expect(length, text).not.toBeNull();
            expect(length!, text).toBeLessThanOrEqual(GSM7_SEGMENT);
            expect(text.endsWith(`${ctx.publicUrl}/timer`)).toBe(true);
            if (ctx === long) lengths[`${locale} ${kind} ${modality}`] = length!;
          }
        }
      },
    );

    it('cuts a long clinic name recognisably, and keeps a short one whole', () => {
      const text = smsText({ ...long, kind: 'reminder' });
      expect(text).toMatch(
        / hos Legesenteret på Grünerløkka[^ ]*( [^ ]+)*\.\. ons\. 30\.9\. kl\. 12:45\./,
      );
      expect(smsText(base)).toContain(' hos Demo legesenter ons.');
      // Too long an address for the instruction: the short sentence, with the name cut too.
      expect(smsText({ ...longAddress, kind: 'reminder' })).toMatch(
        /^Påminnelse: videotime hos Legesenteret på Grünerløkka[^:]*\.\. ons\. 30\.9\. kl\. 12:45: https:/,
      );
      expect(smsText({ ...long, locale: 'nn', kind: 'reminder' })).toMatch(
        /^Påminning: Videotime hos Legesenteret på Grünerløkka[^ ]*( [^ ]+)*\.\. on\. 30\.9\. kl\. 12:45\./,
      );
      // Printed for the record: the lengths with the long name.
      console.info(lengths);
    });

    it('writes a name with characters outside GSM-7 in GSM-7', () => {
      const text = smsText({
        ...base,
        appointment: {
          ...appointment,
          clinic: { ...appointment.clinic, name: 'Klinikk “Łódź” – Señora' },
        },
      });
      expect(gsm7Length(text)).not.toBeNull();
      expect(text).toContain('Klinikk "?odz" - Señora');
    });
  });

  it('keeps push text as discreet as SMS, and links to a path', () => {
    const push = renderMessage({ ...base, channel: 'push', to: 'user-1', kind: 'cancellation' });
    expect(push).toMatchObject({
      channel: 'push',
      push: { title: 'Timen er avbestilt', url: '/timer/7f1e1b4e-0000-4000-8000-000000000001' },
    });
    expect(JSON.stringify(push)).not.toContain('Ingrid');
    expect(
      renderMessage({ ...base, channel: 'push', to: 'user-1', kind: 'cancellation', locale: 'nn' }),
    ).toMatchObject({ push: { title: 'Timen er avbestilt' } });
  });

  it('gives the practitioner a push that leads to the workspace, without the patient', () => {
    const push = renderMessage({ ...base, channel: 'push', to: 'doctor', kind: 'patient_started' });
    expect(push).toMatchObject({ push: { title: 'Pasient i videorommet', url: '/arbeidsflate' } });
  });

  it('sends e-mail as text and HTML with the practitioner and, for a confirmation, the calendar file', () => {
    const email = renderMessage({
      ...base,
      channel: 'email',
      to: 'pasient@example.com',
      kind: 'confirmation',
    });
    expect(email.channel).toBe('email');
    if (email.channel !== 'email') return;
    expect(email.subject).toBe('Timen din er bestilt – Demo legesenter');
    expect(email.text).toContain('Behandler: Ingrid Berg');
    expect(email.html).toContain('<table role="presentation">');
    expect(email.attachments).toHaveLength(1);
    expect(email.attachments![0]).toMatchObject({
      filename: 'visitt-time.ics',
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    });
    expect(email.attachments![0]!.content).toContain('DTSTART:20261202T090000Z');
    const escaped = renderMessage({
      ...base,
      channel: 'email',
      to: 'x@example.com',
      appointment: { ...appointment, clinic: { ...appointment.clinic, name: '<b>Klinikk</b>' } },
    });
    expect(escaped.channel === 'email' && escaped.html).toContain('&lt;b&gt;Klinikk&lt;/b&gt;');
  });

  it('does not explain how to start the call in a cancellation, on any channel or in its file', () => {
    const cancelled = { ...appointment, status: 'cancelled' as const };
    for (const locale of LOCALES)
      for (const channel of CHANNELS) {
        const text = everything({
          ...base,
          kind: 'cancellation',
          channel,
          locale,
          appointment: cancelled,
        });
        expect(text).not.toMatch(/appen|portal|app or|\bstart/i);
      }
  });

  it('carries the clinic’s cancellation message in e-mail only', () => {
    const context = {
      ...base,
      kind: 'cancellation' as const,
      clinicMessage: 'Legen er syk. Ring oss for ny time.',
    };
    const email = renderMessage({ ...context, channel: 'email', to: 'x@example.com' });
    expect(email.channel === 'email' && email.text).toContain(
      'Melding fra klinikken:\nLegen er syk. Ring oss for ny time.',
    );
    expect(smsText(context)).not.toContain('Legen er syk');
    const nn = renderMessage({ ...context, locale: 'nn', channel: 'email', to: 'x@example.com' });
    expect(nn.channel === 'email' && nn.text).toContain(
      'Melding frå klinikken:\nLegen er syk. Ring oss for ny time.',
    );
    expect(smsText({ ...context, locale: 'nn' })).not.toContain('Legen er syk');
  });
});

describe('signInCodeText', () => {
  it.each(LOCALES)('%s: one GSM-7 segment that ends with the Web OTP line', (locale) => {
    const text = signInCodeText[locale].sms('123456', 10, 'https://visitt.fjordhelse.no');
    expect(text.split('\n').at(-1)).toBe('@visitt.fjordhelse.no #123456');
    expect(gsm7Length(text)).toBeLessThanOrEqual(GSM7_SEGMENT);
    expect(gsm7Length(text)).not.toBeNull();
  });

  it('in nynorsk, no longer than in bokmål', () => {
    const nb = signInCodeText.nb.sms('123456', 10, 'https://visitt.fjordhelse.no');
    const nn = signInCodeText.nn.sms('123456', 10, 'https://visitt.fjordhelse.no');
    expect(nn).toBe(
      '123456 er Visitt-koden din. Gjeld i 10 min. Ikkje del den med nokon.\n\n@visitt.fjordhelse.no #123456',
    );
    expect(nn.length).toBeLessThanOrEqual(nb.length);
    expect(signInCodeText.nn.subject).toBe('Innloggingskoden din til Visitt');
    expect(signInCodeText.nn.text('123456', 10)).toBe(
      'Koden din er 123456. Den gjeld i 10 minutt. Ikkje del den med nokon. Bad du ikkje om ein kode, kan du sjå bort frå denne meldinga.',
    );
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['nn-NO', 'nn'],
    ['nn', 'nn'],
    ['NN-no', 'nn'],
    ['nn-NO,nn;q=0.9,nb;q=0.8,en;q=0.5', 'nn'],
    ['de-DE,nn;q=0.8,en;q=0.5', 'nn'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['nb', 'nb'],
    ['nb-NO,nn;q=0.9', 'nb'],
    ['en-GB,nn;q=0.9', 'en'],
    ['en-US', 'en'],
    ['de-DE', 'nb'],
    ['', 'nb'],
    [undefined, 'nb'],
  ] as const)('%s gives %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe('the link to the test page', () => {
  const email = (ctx: Partial<MessageContext>) => {
    const message = renderMessage({ ...base, channel: 'email', ...ctx });
    if (message.channel !== 'email') throw new Error('not an e-mail');
    return message;
  };

  it.each(['confirmation', 'reminder', 'moved'] as const)(
    "is in a video consultation's %s e-mail, as text and as a link",
    (kind) => {
      const message = email({ kind });
      expect(message.text).toContain(
        'Test kamera, lyd og nett på forhånd: https://visitt.example.no/test\n',
      );
      expect(message.html).toContain('<a href="https://visitt.example.no/test">');
    },
  );

  it('is not in a cancellation, nor for an appointment at the clinic', () => {
    expect(email({ kind: 'cancellation' }).text).not.toContain('/test');
    const inPerson = { ...appointment, modality: 'in_person' as const };
    expect(email({ kind: 'reminder', appointment: inPerson }).text).not.toContain('/test');
  });
});
