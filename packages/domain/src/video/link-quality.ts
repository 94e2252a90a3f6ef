/**
 * How good a network link is for a video consultation, from what WebRTC measures on it: the
 * round-trip time, the share of packets lost, and the bitrate the link carries. The test page's
 * verdict; the one rule for any other place that judges a link (a quality indicator in the
 * call), so all say the same of the same link.
 *
 * - `good`: video at a good resolution (at least 500 kbit/s, round trip at most 300 ms, at most
 *   2 % lost).
 * - `weak`: video still works, smaller and with fewer frames (at least 150 kbit/s, round trip at
 *   most 700 ms, at most 8 % lost).
 * - `poor`: too little for video; sound alone (some 40 kbit/s) may still carry.
 */
export type LinkQuality = 'good' | 'weak' | 'poor';

/** What made a link less than good, the worst first: the advice follows from it. */
export type LinkProblem = 'bitrate' | 'loss' | 'rtt';

/** One measurement of a link. Any part may be unknown (null): it then does not count. */
export interface LinkSample {
  /** Round-trip time in milliseconds. */
  readonly rttMs: number | null;
  /** Packets lost of those sent, 0–1. */
  readonly loss: number | null;
  /** Bitrate the link carries (or estimates it can carry), in kbit/s. */
  readonly bitrateKbps: number | null;
}

/** The least a link must reach for each level, per measure. */
export const LINK_LIMITS = {
  good: { rttMs: 300, loss: 0.02, bitrateKbps: 500 },
  weak: { rttMs: 700, loss: 0.08, bitrateKbps: 150 },
} as const;

function levelOf(measure: LinkProblem, value: number | null): LinkQuality {
  if (value === null || !Number.isFinite(value)) return 'good';
  const higherIsBetter = measure === 'bitrate';
  const key = measure === 'bitrate' ? 'bitrateKbps' : measure === 'loss' ? 'loss' : 'rttMs';
  const passes = (limit: number) => (higherIsBetter ? value >= limit : value <= limit);
  if (passes(LINK_LIMITS.good[key])) return 'good';
  if (passes(LINK_LIMITS.weak[key])) return 'weak';
  return 'poor';
}

const RANK: Record<LinkQuality, number> = { good: 0, weak: 1, poor: 2 };

/**
 * The link's level (the worst of its measures) and the measure that set it (`null` when good).
 * When several measures are equally bad, bitrate comes before loss before round trip.
 */
export function linkQuality(sample: LinkSample): {
  quality: LinkQuality;
  problem: LinkProblem | null;
} {
  let quality: LinkQuality = 'good';
  let problem: LinkProblem | null = null;
  const measures: [LinkProblem, number | null][] = [
    ['bitrate', sample.bitrateKbps],
    ['loss', sample.loss],
    ['rtt', sample.rttMs],
  ];
  for (const [measure, value] of measures) {
    const level = levelOf(measure, value);
    if (RANK[level] > RANK[quality]) {
      quality = level;
      problem = measure;
    }
  }
  return { quality, problem };
}
