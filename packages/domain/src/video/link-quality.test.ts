import { describe, expect, it } from 'vitest';
import { linkQuality, type LinkSample } from './link-quality';

const sample = (rttMs: number | null, loss: number | null, bitrateKbps: number | null) =>
  ({ rttMs, loss, bitrateKbps }) satisfies LinkSample;

describe('linkQuality', () => {
  it.each([
    // A wired or good Wi-Fi link.
    [sample(40, 0, 2500), 'good', null],
    // Each limit of `good` is inside it.
    [sample(300, 0.02, 500), 'good', null],
    [sample(301, 0, 2500), 'weak', 'rtt'],
    [sample(40, 0.021, 2500), 'weak', 'loss'],
    [sample(40, 0, 499), 'weak', 'bitrate'],
    // Each limit of `weak` is inside it.
    [sample(700, 0.08, 150), 'weak', 'bitrate'],
    [sample(701, 0, 2500), 'poor', 'rtt'],
    [sample(40, 0.081, 2500), 'poor', 'loss'],
    [sample(40, 0, 149), 'poor', 'bitrate'],
    // The worst measure decides; between equals, bitrate before loss before round trip.
    [sample(800, 0.03, 2500), 'poor', 'rtt'],
    [sample(800, 0.1, 100), 'poor', 'bitrate'],
    [sample(800, 0.1, 2500), 'poor', 'loss'],
    [sample(400, 0.05, 300), 'weak', 'bitrate'],
    // An unknown measure does not count; nothing known is good.
    [sample(null, null, 100), 'poor', 'bitrate'],
    [sample(null, 0.5, null), 'poor', 'loss'],
    [sample(null, null, null), 'good', null],
    [sample(Number.NaN, null, Number.POSITIVE_INFINITY), 'good', null],
  ] as const)('%j is %s (%s)', (input, quality, problem) => {
    expect(linkQuality(input)).toEqual({ quality, problem });
  });
});
