import { describe, expect, it } from 'vitest';
import type { Instant, TimeZoneId } from '@visitt/domain';
import { renderMessage, type MessageContext } from './messages';

const base: MessageContext = {
  kind: 'reminder',
  channel: 'sms',
  to: '+4791234567',
  reference: 'n-1',
  locale: 'nb',
  appointmentId: '7f1e1b4e-0000-4000-8000-000000000001',
  start: Date.parse('2026-12-02T09:00:00Z') as Instant,
  timeZone: 'Europe/Oslo' as TimeZoneId,
  modality: 'video',
  clinicName: 'Demo legesenter',
  clinicAddress: 'Storgata 1, Oslo',
  practitionerName: 'Ingrid Berg',
  typeName: 'Samtale om angst',
  publicUrl: 'https://visitt.example.no',
};

describe('renderMessage', () => {
  it('says in SMS where and when, and to sign in to start a video consultation, without health details', () => {
    const sms = renderMessage(base);
    expect(sms).toEqual({
      channel: 'sms',
      to: '+4791234567',
      reference: 'n-1',
      text:
        'Påminnelse: Du har videokonsultasjon hos Demo legesenter onsdag 2. desember kl. 10:00. ' +
        'Logg inn i Visitt-appen eller Pasientportalen for å starte videokonsultasjonen. Du kan starte fra 15 minutter før timen. ' +
        'https://visitt.example.no/timer/7f1e1b4e-0000-4000-8000-000000000001',
    });
  });

  it('writes in the patient’s language, in the clinic’s time zone', () => {
    const sms = renderMessage({ ...base, locale: 'en', kind: 'moved' });
    expect(sms.channel === 'sms' && sms.text).toMatch(
      /^Your appointment at Demo legesenter has been moved to Wednesday 2 December at 10:00\./,
    );
  });

  it('keeps push text as short and as discreet as SMS, and links to a path', () => {
    const push = renderMessage({ ...base, channel: 'push', to: 'user-1', kind: 'cancellation' });
    expect(push).toMatchObject({
      channel: 'push',
      push: { title: 'Timen er avbestilt', url: '/timer/7f1e1b4e-0000-4000-8000-000000000001' },
    });
    const text = JSON.stringify(push);
    for (const secret of ['Ingrid', 'angst']) expect(text).not.toContain(secret);
  });

  it('gives the practitioner a push that leads to the workspace, without the patient', () => {
    const push = renderMessage({ ...base, channel: 'push', to: 'doctor', kind: 'patient_started' });
    expect(push).toMatchObject({ push: { title: 'Pasient i videorommet', url: '/arbeidsflate' } });
  });

  it('sends e-mail as text and HTML with the details and, for a confirmation, the calendar file', () => {
    const email = renderMessage({
      ...base,
      channel: 'email',
      to: 'pasient@example.com',
      kind: 'confirmation',
      ics: 'BEGIN:VCALENDAR',
    });
    expect(email.channel).toBe('email');
    if (email.channel !== 'email') return;
    expect(email.subject).toBe('Timen din er bestilt – Demo legesenter');
    expect(email.text).toContain('Behandler: Ingrid Berg');
    expect(email.html).toContain('<table role="presentation">');
    expect(email.attachments).toEqual([
      {
        filename: 'visitt-time.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: 'BEGIN:VCALENDAR',
      },
    ]);
    const escaped = renderMessage({
      ...base,
      channel: 'email',
      to: 'x@example.com',
      clinicName: '<b>Klinikk</b>',
    });
    expect(escaped.channel === 'email' && escaped.html).toContain('&lt;b&gt;Klinikk&lt;/b&gt;');
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
    const sms = renderMessage(context);
    expect(sms.channel === 'sms' && sms.text).not.toContain('Legen er syk');
  });
});
