import { describe, expect, it } from 'vitest';
import { checkClinicDraft, toClinicDraft, type ClinicDraft } from './clinic-profile';

const draft: ClinicDraft = {
  name: '  Demo legesenter ',
  address: ' ',
  town: 'Oslo',
  phone: '',
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
        phone: null,
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
  it('sends the phone number in the server’s form, and refuses one that cannot be a number', () => {
    for (const [typed, sent] of [
      ['22 33 44 55', '+4722334455'],
      [' +47 22 33 44 55 ', '+4722334455'],
      ['0046 70-123 45 67', '+46701234567'],
    ] as const) {
      const checked = checkClinicDraft({ ...draft, phone: typed });
      expect(checked.ok && checked.body.phone, typed).toBe(sent);
    }
    for (const typed of ['123456789', '22 33 44', 'ring oss'])
      expect(checkClinicDraft({ ...draft, phone: typed }), typed).toEqual({
        ok: false,
        problems: { phone: { kind: 'notAPhoneNumber' } },
      });
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
        phone: null,
      }),
    ).toEqual({
      name: 'A',
      address: '',
      town: '',
      phone: '',
      timeZone: 'Europe/Oslo',
      listed: false,
      requireStrongAuthForVideo: true,
      language: 'nb',
    });
  });
  it('writes a saved phone number the way people read it', () => {
    const clinic = {
      id: '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01',
      name: 'A',
      address: null,
      town: null,
      timeZone: 'Europe/Oslo',
      listed: true,
      requireStrongAuthForVideo: false,
      language: 'nb' as const,
      videoInfo: null,
    };
    expect(toClinicDraft({ ...clinic, phone: '+4722334455' }).phone).toBe('+47 22 33 44 55');
    expect(toClinicDraft({ ...clinic, phone: '+46701234567' }).phone).toBe('+46701234567');
  });
});
