import { describe, expect, it } from 'vitest';
import { PRESENCES } from './room';
import { practitionerWhereabouts } from './whereabouts';

describe('practitionerWhereabouts', () => {
  it.each([
    // presence here, in another call → what the patient is told
    ['in_call', false, 'here'],
    ['in_call', true, 'here'],
    ['reconnecting', false, 'here'],
    ['reconnecting', true, 'here'],
    ['ready', false, 'on_the_way'],
    ['ready', true, 'in_another_consultation'],
    ['absent', true, 'in_another_consultation'],
    ['left', true, 'in_another_consultation'],
    ['waiting', true, 'in_another_consultation'],
    ['absent', false, 'not_in'],
    ['left', false, 'not_in'],
    ['waiting', false, 'not_in'],
  ] as const)('%s here, in another call %s: %s', (presence, elsewhere, expected) => {
    expect(practitionerWhereabouts(presence, elsewhere)).toBe(expected);
  });

  it('has an answer for every presence', () => {
    for (const presence of PRESENCES)
      for (const elsewhere of [true, false])
        expect(practitionerWhereabouts(presence, elsewhere)).toMatch(
          /^(here|in_another_consultation|on_the_way|not_in)$/,
        );
  });
});
