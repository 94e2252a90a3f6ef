import { describe, expect, it } from 'vitest';
import {
  NEW_MEDIA_FLOW_CLOCK,
  canNoteSwitchToPhone,
  nextMediaFlowClock,
  phoneFallbackAt,
  phoneFallbackDue,
  type MediaFlow,
} from './phone-fallback';

/** The clock after a run of (seconds, flow) readings from a new call. */
const after = (readings: readonly (readonly [number, MediaFlow])[]) =>
  readings.reduce(
    (clock, [second, flow]) => nextMediaFlowClock(clock, flow, second * 1000),
    NEW_MEDIA_FLOW_CLOCK,
  );

describe('phoneFallbackDue', () => {
  it.each([
    // Waiting for the other side is not a failure, however long.
    ['waiting an hour', [[0, 'not_wanted']], 3600, null],
    // Both in the call: 20 s to connect, to the millisecond.
    ['connecting for 19.999 s', [[10, 'not_flowing']], 29.999, null],
    ['connecting for 20 s', [[10, 'not_flowing']], 30, 'no_connection'],
    // Readings that go on not flowing keep the first moment.
    [
      'still connecting',
      [
        [10, 'not_flowing'],
        [25, 'not_flowing'],
      ],
      30,
      'no_connection',
    ],
    [
      'connected in time',
      [
        [10, 'not_flowing'],
        [15, 'flowing'],
      ],
      60,
      null,
    ],
    // The other side left before any media: no call to fall back from; back again, anew.
    [
      'they left',
      [
        [10, 'not_flowing'],
        [20, 'not_wanted'],
      ],
      60,
      null,
    ],
    [
      'they came back',
      [
        [10, 'not_flowing'],
        [20, 'not_wanted'],
        [40, 'not_flowing'],
      ],
      59,
      null,
    ],
    [
      'they came back, 20 s',
      [
        [10, 'not_flowing'],
        [20, 'not_wanted'],
        [40, 'not_flowing'],
      ],
      60,
      'no_connection',
    ],
    // A drop: 30 s from the moment it stopped, not from the call's start.
    [
      'dropped 29 s',
      [
        [0, 'not_flowing'],
        [5, 'flowing'],
        [100, 'not_flowing'],
      ],
      129,
      null,
    ],
    [
      'dropped 30 s',
      [
        [0, 'not_flowing'],
        [5, 'flowing'],
        [100, 'not_flowing'],
      ],
      130,
      'dropped',
    ],
    [
      'dropped and back',
      [
        [5, 'flowing'],
        [100, 'not_flowing'],
        [120, 'flowing'],
      ],
      200,
      null,
    ],
    // A second drop counts from its own start.
    [
      'dropped again',
      [
        [5, 'flowing'],
        [100, 'not_flowing'],
        [120, 'flowing'],
        [150, 'not_flowing'],
      ],
      170,
      null,
    ],
    // Having flowed once, a new connection that does not form is a drop (30 s), not 20 s.
    [
      'reconnecting after a reload',
      [
        [5, 'flowing'],
        [60, 'not_flowing'],
      ],
      85,
      null,
    ],
    // The call over: nothing is offered.
    [
      'ended',
      [
        [5, 'flowing'],
        [60, 'not_flowing'],
        [70, 'not_wanted'],
      ],
      200,
      null,
    ],
  ] as const)('%s', (_name, readings, nowSeconds, expected) => {
    expect(phoneFallbackDue(after(readings), nowSeconds * 1000)).toBe(expected);
  });

  it('gives the moment to set a timer for', () => {
    expect(phoneFallbackAt(after([[10, 'not_flowing']]))).toEqual({
      reason: 'no_connection',
      at: 30_000,
    });
    expect(
      phoneFallbackAt(
        after([
          [1, 'flowing'],
          [7, 'not_flowing'],
        ]),
      ),
    ).toEqual({
      reason: 'dropped',
      at: 37_000,
    });
    expect(phoneFallbackAt(after([[1, 'flowing']]))).toBeNull();
  });
});

describe('canNoteSwitchToPhone', () => {
  it.each([
    [false, 'in_call', true],
    // Their page dropped: they may be calling from it as it comes back.
    [false, 'reconnecting', true],
    // Not in the call (yet, or any more): nothing to fall back from.
    [false, 'absent', false],
    [false, 'waiting', false],
    [false, 'ready', false],
    [false, 'left', false],
    // The call over: the record is not rewritten.
    [true, 'in_call', false],
    [true, 'left', false],
  ] as const)('ended %s, practitioner %s: %s', (ended, practitionerPresence, allowed) => {
    expect(canNoteSwitchToPhone({ ended, practitionerPresence }).ok).toBe(allowed);
  });
});
