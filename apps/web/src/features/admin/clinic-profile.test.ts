import { describe, expect, it } from 'vitest';
import { checkClinicDraft, toClinicDraft, type ClinicDraft } from './clinic-profile';

const draft: ClinicDraft = {
  name: '  Demo legesenter ',
  address: ' ',
  town: 'Oslo',
  timeZone: 'Europe/Oslo',
  listed: true,
  requireStrongAuthForVideo: false,
  language: 'en',
};

describe('checkClinicDraft', () => {
  it('trims text and sends an empty address or town as null', () => {
    expect(checkClinicDraft(draft)).toEqual({
      ok: true,
      body: {
        name: 'Demo legesenter',
        address: null,
        town: 'Oslo',
        timeZone: 'Europe/Oslo',
        listed: true,
        requireStrongAuthForVideo: false,
        language: 'en',
      },
    });
  });
  it('requires a name and refuses text longer than the API takes', () => {
    expect(checkClinicDraft({ ...draft, name: '   ', address: 'x'.repeat(201) })).toEqual({
      ok: false,
      problems: { name: { kind: 'required' }, address: { kind: 'tooLong', max: 200 } },
    });
    expect(checkClinicDraft({ ...draft, address: 'x'.repeat(200) }).ok).toBe(true);
  });
});

describe('toClinicDraft', () => {
  it('fills missing text with empty strings', () => {
    expect(
      toClinicDraft({
        id: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01',
        name: 'A',
        address: null,
        town: null,
        timeZone: 'Europe/Oslo',
        listed: false,
        requireStrongAuthForVideo: true,
        language: 'nb',
        videoInfo: null,
      }),
    ).toEqual({
      name: 'A',
      address: '',
      town: '',
      timeZone: 'Europe/Oslo',
      listed: false,
      requireStrongAuthForVideo: true,
      language: 'nb',
    });
  });
});
