import type { AdminAppointmentType } from '@visitt/contracts';
import { describe, expect, it } from 'vitest';
import {
  emptyTypeDraft,
  fieldsOfIssues,
  isTypeDraftChanged,
  readTypeDraft,
  splitMinutes,
  toTypeDraft,
  typeFieldOfPath,
} from './type-draft';

const PRACTITIONER = '7c642fef-6801-4c72-bec9-6246a326f92e';

const type: AdminAppointmentType = {
  id: '25b2966d-1e75-424d-be58-ef0b527c84af',
  name: 'Videokonsultasjon 15 min',
  description: 'Kort samtale på video.',
  durationMinutes: 15,
  slotStepMinutes: 20,
  modality: 'video',
  minimumNoticeMinutes: 90,
  horizonDays: 182,
  cancellationDeadlineMinutes: 2880,
  bookableOnline: true,
  active: false,
  practitionerIds: [PRACTITIONER],
};

describe('splitMinutes', () => {
  it.each([
    [0, '0', 'hours'],
    [45, '45', 'minutes'],
    [90, '90', 'minutes'],
    [120, '2', 'hours'],
    [1440, '1', 'days'],
    [2880, '2', 'days'],
    [1500, '25', 'hours'],
  ] as const)('shows %i minutes as %s %s', (minutes, value, unit) => {
    expect(splitMinutes(minutes)).toEqual({ value, unit });
  });
});

describe('readTypeDraft', () => {
  it('gives back every setting of a saved type (nothing dropped)', () => {
    const read = readTypeDraft(toTypeDraft(type));
    expect(read).toEqual({
      ok: true,
      body: {
        name: type.name,
        description: type.description,
        durationMinutes: 15,
        slotStepMinutes: 20,
        modality: 'video',
        minimumNoticeMinutes: 90,
        horizonDays: 182,
        cancellationDeadlineMinutes: 2880,
        bookableOnline: true,
        active: false,
        practitionerIds: [PRACTITIONER],
      },
    });
  });

  it('multiplies notice and deadline by their unit, and sends no empty description or step', () => {
    const draft = {
      ...emptyTypeDraft(),
      name: ' Legetime ',
      description: '  ',
      minimumNotice: { value: '3', unit: 'days' as const },
      cancellationDeadline: { value: '30', unit: 'minutes' as const },
    };
    const read = readTypeDraft(draft);
    expect(read.ok && read.body).toMatchObject({
      name: 'Legetime',
      description: null,
      slotStepMinutes: null,
      minimumNoticeMinutes: 3 * 24 * 60,
      cancellationDeadlineMinutes: 30,
    });
  });

  it('names every field at fault, in the order of the form', () => {
    const read = readTypeDraft({
      ...emptyTypeDraft(),
      name: '   ',
      durationMinutes: '4',
      slotStepMinutes: '1,5',
      horizonDays: '',
      cancellationDeadline: { value: '31', unit: 'days' },
      practitionerIds: [PRACTITIONER, PRACTITIONER],
    });
    expect(read).toEqual({
      ok: false,
      fields: [
        'name',
        'durationMinutes',
        'slotStepMinutes',
        'horizonDays',
        'cancellationDeadlineMinutes',
        'practitionerIds',
      ],
    });
  });
});

describe('fields of API issues', () => {
  it('maps issue paths to fields, and tells when some issue names none', () => {
    expect(typeFieldOfPath('practitionerIds.2')).toBe('practitionerIds');
    expect(typeFieldOfPath('')).toBeNull();
    expect(
      fieldsOfIssues([
        { path: 'horizonDays' },
        { path: 'name' },
        { path: 'practitionerIds.0' },
        { path: 'name' },
      ]),
    ).toEqual({ fields: ['name', 'horizonDays', 'practitionerIds'], hasOther: false });
    expect(fieldsOfIssues([{ path: 'foo' }, { path: '' }])).toEqual({
      fields: [],
      hasOther: true,
    });
  });
});

describe('isTypeDraftChanged', () => {
  it('ignores the order practitioners were ticked in', () => {
    const a = { ...emptyTypeDraft(), practitionerIds: ['a', 'b'] };
    const b = { ...emptyTypeDraft(), practitionerIds: ['b', 'a'] };
    expect(isTypeDraftChanged(a, b)).toBe(false);
    expect(isTypeDraftChanged({ ...a, name: 'x' }, b)).toBe(true);
  });
});
