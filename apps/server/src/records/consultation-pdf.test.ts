import { describe, expect, it } from 'vitest';
import { aConsultationRecord } from '../../test/consultation-record';
import { readPdf } from '../../test/pdf-text';
import { renderConsultationPdf } from './consultation-pdf';

// Sámi and Serbian letters: outside the PDF's standard fonts, kept by the embedded one.
const record = aConsultationRecord({
  patient: {
    id: '3d6e2f4a-9b1c-4e7d-8a5f-2c1b0e9d8f12',
    name: 'Áile Ŋuolja Đorđević',
    birthDate: '1984-03-07',
  },
});

/** The page's text with PDF.js's line and item breaks as single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the consultation record as a PDF', () => {
  it('is one page in the clinic’s language with every time in its zone, names as written', async () => {
    const { pages, info } = await readPdf(await renderConsultationPdf(record));
    expect(pages).toHaveLength(1);
    const text = flat(pages[0]!);
    for (const expected of [
      'Videokonsultasjon',
      'Bryggen legesenter',
      'Pasient Áile Ŋuolja Đorđević',
      'Fødselsdato 7. mars 1984',
      'Behandler Dr. Øyvind Lie',
      'Avtalt tid 30. november 2026, 10:00–10:20',
      'Status Gjennomført',
      'Pasienten startet 10:00:00',
      'Behandleren kom inn 10:02:30',
      'Avsluttet 10:14:40 av behandleren',
      'Ventetid 2 min 30 s',
      'Varighet 12 min 10 s (13 min)',
      'Identifisering Gyldig legitimasjon vist på video Registrert av Dr. Øyvind Lie 10:14:35',
      'Tolk Nei',
      'Rolle Navn Inn Ut',
      'Behandler Dr. Øyvind Lie 10:02:30 10:14:40',
      'tidssonen Europe/Oslo',
      'ikke lyd, bilde eller meldinger',
    ])
      expect(text).toContain(expected);
    expect(info).toMatchObject({
      Title: 'Videokonsultasjon: Áile Ŋuolja Đorđević, 30. november 2026',
      Author: 'Bryggen legesenter',
    });
  });

  it('in English for an English-speaking clinic; a consultation still going says so', async () => {
    const { pages } = await readPdf(
      await renderConsultationPdf({
        ...record,
        language: 'en',
        state: 'in_progress',
        endedAt: null,
        endedBy: null,
        durationSeconds: null,
        durationMinutes: null,
        participants: record.participants.map((p) => ({ ...p, leftAt: null })),
        identification: null,
      }),
    );
    const text = flat(pages[0]!);
    for (const expected of [
      'Video consultation',
      'Scheduled 30 November 2026, 10:00–10:20',
      'Status In progress',
      'Identification Not recorded',
      'Practitioner Dr. Øyvind Lie 10:02:30 Still in',
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('Duration');
  });

  it('in nynorsk for a clinic that writes nynorsk', async () => {
    const { pages, info } = await readPdf(
      await renderConsultationPdf({ ...record, language: 'nn' }),
    );
    expect(pages).toHaveLength(1);
    const text = flat(pages[0]!);
    for (const expected of [
      'Videokonsultasjon',
      'Pasient Áile Ŋuolja Đorđević',
      'Fødselsdato 7. mars 1984',
      'Behandlar Dr. Øyvind Lie',
      'Avtalt tid 30. november 2026, 10:00–10:20',
      'Status Gjennomført',
      'Pasienten starta 10:00:00',
      'Behandlaren kom inn 10:02:30',
      'Avslutta 10:14:40 av behandlaren',
      'Ventetid 2 min 30 s',
      'Varigheit 12 min 10 s (13 min)',
      'Identifisering Gyldig legitimasjon vist på video Registrert av Dr. Øyvind Lie 10:14:35',
      'Tolk Nei',
      'Deltakarar',
      'Rolle Namn Inn Ut',
      'Behandlar Dr. Øyvind Lie 10:02:30 10:14:40',
      'tidssona Europe/Oslo',
      'ikkje lyd, bilete eller meldingar frå konsultasjonen',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(
      /\b(ikke|Behandler|behandleren|Varighet|Deltakere|Navn|startet|fra)\b/,
    );
    expect(info).toMatchObject({
      Title: 'Videokonsultasjon: Áile Ŋuolja Đorđević, 30. november 2026',
    });
  });

  it('says when and why it went over to the phone, in each language', async () => {
    const dropped = {
      ...record,
      modality: 'phone' as const,
      phoneSwitch: { at: '2026-11-30T10:14:07+01:00', reason: 'dropped' as const },
    };
    const text = async (change: Partial<typeof record>) =>
      flat((await readPdf(await renderConsultationPdf({ ...dropped, ...change }))).pages[0]!);
    expect(await text({})).toContain('Form Video, så telefon fra 10:14:07 (forbindelsen falt ut)');
    expect(
      await text({ phoneSwitch: { at: '2026-11-30T10:04:30+01:00', reason: 'no_connection' } }),
    ).toContain('Form Telefon fra 10:04:30 (videoen fikk ikke forbindelse)');
    const nynorsk = await text({ language: 'nn' });
    expect(nynorsk).toContain('Form Video, så telefon frå 10:14:07 (sambandet fall ut)');
    expect(
      await text({
        language: 'nn',
        phoneSwitch: { at: '2026-11-30T10:04:30+01:00', reason: 'no_connection' },
      }),
    ).toContain('Form Telefon frå 10:04:30 (videoen fekk ikkje samband)');
    expect(nynorsk).not.toMatch(/\b(ikke|fra|forbindelsen)\b/);
    expect(await text({ language: 'en' })).toContain(
      'Form Video, then phone from 10:14:07 (the connection dropped)',
    );
    expect(
      await text({
        language: 'en',
        phoneSwitch: { at: '2026-11-30T10:04:30+01:00', reason: 'no_connection' },
      }),
    ).toContain('Form Phone from 10:04:30 (video could not connect)');
    // A consultation that stayed on video says only that.
    expect(flat((await readPdf(await renderConsultationPdf(record))).pages[0]!)).toContain(
      'Form Video Status',
    );
  });

  it('stays one page with four participants and long names', async () => {
    const long = 'Maria Magdalena Ingeborg Kristine Haraldsdatter-Søndre Gjerdrum';
    const { pages } = await readPdf(
      await renderConsultationPdf({
        ...record,
        patient: { ...record.patient, name: long },
        participants: [
          ...record.participants,
          { ...record.participants[1]!, role: 'interpreter', name: long },
          { ...record.participants[1]!, role: 'relative', name: long },
        ],
        interpreter: true,
      }),
    );
    expect(pages).toHaveLength(1);
    expect(flat(pages[0]!)).toContain('Tolk Ja');
  });
});
