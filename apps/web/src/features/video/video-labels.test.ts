import { describe, expect, it } from 'vitest';
import { initials, levelFromSamples, peerDisplayName, roomView } from './video-labels';

describe('roomView', () => {
  it('keeps a dropped connection in the call, never as gone', () => {
    expect(roomView('reconnecting')).toBe('call');
    expect(roomView('connecting')).toBe('call');
    expect(roomView('in_call')).toBe('call');
  });
  it('is the waiting room until both are in', () => {
    expect(roomView('preparing')).toBe('waiting');
    expect(roomView('waiting')).toBe('waiting');
  });
  it('has its own screens for the end and for failures', () => {
    expect(roomView('ended')).toBe('ended');
    expect(roomView('failed')).toBe('failed');
  });
});

describe('initials', () => {
  it.each([
    ['Ola Nordmann', 'ON'],
    ['Kari Marie Holm', 'KH'],
    ['Dr. Nils Vakt', 'NV'],
    ['åse ødegård', 'ÅØ'],
    ['Cher', 'C'],
    ['ola.pasient@example.com', 'OP'],
    ['pasient-1795771613351@example.com', 'P'],
    ['+47 912 34 567', '?'],
    ['  ', '?'],
    [null, '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('levelFromSamples', () => {
  it('is 0 for silence and an empty frame', () => {
    expect(levelFromSamples(new Float32Array(256))).toBe(0);
    expect(levelFromSamples([])).toBe(0);
  });
  it('is 100 for a full-scale signal and grows with loudness', () => {
    const loud = Float32Array.from({ length: 256 }, (_, i) => (i % 2 ? 1 : -1));
    const soft = loud.map((v) => v * 0.01);
    expect(levelFromSamples(loud)).toBe(100);
    expect(levelFromSamples(soft)).toBeGreaterThan(0);
    expect(levelFromSamples(soft)).toBeLessThan(levelFromSamples(loud.map((v) => v * 0.1)));
  });
});

describe('peerDisplayName', () => {
  const t = (key: string) =>
    key === 'videoRoom.peerPatient'
      ? 'Pasienten'
      : key === 'videoRoom.peerPractitioner'
        ? 'Behandleren'
        : key;

  it('keeps the name the server sent', () => {
    expect(peerDisplayName('Ola Pasient', 'practitioner', t)).toBe('Ola Pasient');
    expect(peerDisplayName('Dr. Nils Vakt', 'patient', t)).toBe('Dr. Nils Vakt');
  });

  it('says "Pasienten" to the practitioner and "Behandleren" to the patient when it is empty', () => {
    expect(peerDisplayName('', 'practitioner', t)).toBe('Pasienten');
    expect(peerDisplayName('   ', 'practitioner', t)).toBe('Pasienten');
    expect(peerDisplayName('', 'patient', t)).toBe('Behandleren');
  });
});
