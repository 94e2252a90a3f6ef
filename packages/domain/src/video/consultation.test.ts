import { describe, expect, it } from 'vitest';
import type { Instant } from '../time';
import {
  consultationMinutes,
  consultationSeconds,
  consultationState,
  waitedSeconds,
  type ConsultationTimes,
} from './consultation';

const at = (seconds: number) => (1_800_000_000_000 + seconds * 1000) as Instant;
const times = (entered: number | null, ended: number | null): ConsultationTimes => ({
  startedAt: at(0),
  practitionerEnteredAt: entered === null ? null : at(entered),
  endedAt: ended === null ? null : at(ended),
});

describe('the consultation record', () => {
  it.each<[string, number | null, number | null, string, number | null, number | null]>([
    ['the patient waits', null, null, 'waiting', null, null],
    ['the patient left before anyone came', null, 300, 'not_held', null, null],
    ['the practitioner is in', 120, null, 'in_progress', null, null],
    ['ended the second they met', 120, 120, 'finished', 0, 1],
    ['30 seconds counts as a minute', 120, 150, 'finished', 30, 1],
    ['exactly ten minutes', 120, 720, 'finished', 600, 10],
    ['a started minute counts', 120, 721, 'finished', 601, 11],
    ['half a second rounds to whole seconds', 120, 120.5, 'finished', 1, 1],
  ])('%s', (_name, entered, ended, state, seconds, minutes) => {
    const t = times(entered, ended);
    expect(consultationState(t)).toBe(state);
    expect(consultationSeconds(t)).toBe(seconds);
    expect(consultationMinutes(t)).toBe(minutes);
    expect(waitedSeconds(t)).toBe(entered === null ? null : Math.round(entered));
  });
});
