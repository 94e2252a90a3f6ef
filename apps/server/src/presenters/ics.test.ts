import { describe, expect, it } from 'vitest';
import type { Instant } from '@visitt/domain';
import type { AppointmentView } from '../db/appointments';
import { anAppointmentView } from '../../test/appointment-view';
import { presentIcs } from './ics';

const booked: AppointmentView = anAppointmentView();

const options = {
  locale: 'nb' as const,
  publicUrl: 'https://visitt.example.no',
  now: Date.parse('2026-11-30T10:00:00Z') as Instant,
};

const cancel = (a: AppointmentView): AppointmentView => ({
  ...a,
  status: 'cancelled',
  cancelledAt: options.now,
});

const field = (ics: string, name: string) =>
  ics
    .split('\r\n')
    .filter((line) => line.startsWith(`${name}:`))
    .map((line) => line.slice(name.length + 1));

const sequence = (a: AppointmentView) => Number(field(presentIcs(a, options), 'SEQUENCE')[0]);

describe('the calendar file of an appointment', () => {
  // A calendar replaces the event with the same UID only when SEQUENCE has grown.
  it.each([
    ['booked', booked, 0],
    ['cancelled without a move', cancel(booked), 1],
    ['moved once', { ...booked, version: 2 }, 1],
    ['moved twice', { ...booked, version: 3 }, 2],
    ['moved twice, then cancelled', cancel({ ...booked, version: 3 }), 3],
  ])('%s has SEQUENCE %i', (_, a, expected) => {
    expect(field(presentIcs(a, options), 'SEQUENCE')).toEqual([String(expected)]);
  });

  it('counts up with every change, each file replacing the one before, under one UID', () => {
    const history = [
      booked,
      { ...booked, version: 2, start: (booked.start + 3_600_000) as Instant },
      { ...booked, version: 3, start: (booked.start + 7_200_000) as Instant },
    ];
    const files = [...history, cancel(history[2]!)];
    const sequences = files.map(sequence);
    for (let i = 1; i < sequences.length; i++) {
      expect(sequences[i]).toBeGreaterThan(sequences[i - 1]!);
    }
    const uids = new Set(files.flatMap((a) => field(presentIcs(a, options), 'UID')));
    expect(uids).toEqual(new Set([`${booked.id}@visitt`]));
    expect(field(presentIcs(files[3]!, options), 'STATUS')).toEqual(['CANCELLED']);
  });

  it('is written in the patient’s language, nynorsk too', () => {
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');
    const nn = unfold(presentIcs(booked, { ...options, locale: 'nn' }));
    expect(field(nn, 'SUMMARY')).toEqual(['Videokonsultasjon hos Demo legesenter']);
    expect(field(nn, 'DESCRIPTION')).toEqual([
      'Samtale – Ingrid Berg\\nLogg inn i Visitt-appen eller Pasientportalen for å starte ' +
        'videokonsultasjonen (frå 15 minutt før timen).\\nSjå timen: ' +
        `https://visitt.example.no/timer/${booked.id}`,
    ]);
    const inPerson = unfold(
      presentIcs({ ...booked, modality: 'in_person' }, { ...options, locale: 'nn' }),
    );
    expect(field(inPerson, 'SUMMARY')).toEqual(['Time hos Demo legesenter']);
    const en = unfold(presentIcs(booked, { ...options, locale: 'en' }));
    expect(field(en, 'SUMMARY')).toEqual(['Video consultation at Demo legesenter']);
  });
});
