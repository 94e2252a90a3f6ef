import { linkQuality, type LinkQuality, type LinkSample } from '@visitt/domain';

/** One entry of an `RTCStatsReport`, as plain data (so it can be tested without a browser). */
export interface StatsEntry {
  readonly id: string;
  readonly type: string;
  readonly [key: string]: unknown;
}

/** Packets the other side sent us so far: lost and received, all kinds together. */
export interface InboundTotals {
  readonly lost: number;
  readonly received: number;
}

/**
 * What the statistics of a connection say of both ends of the link:
 * - `mine`: how what we send fares — the round trip, the share the other side reports lost
 *   (RTCP, `remote-inbound-rtp`), and the bitrate the browser estimates it can send
 *   (`availableOutgoingBitrate`).
 * - `theirs`: how what they send reaches us — the round trip and the share lost since the
 *   previous reading. Not the bitrate: a sender sends little on purpose (a still picture, a
 *   camera turned off), so a low one says nothing of their link.
 */
export function readLink(
  stats: readonly StatsEntry[],
  previous: InboundTotals | null,
): { mine: LinkSample; theirs: LinkSample; totals: InboundTotals } {
  const byId = new Map(stats.map((entry) => [entry.id, entry]));
  const transport = stats.find((entry) => entry.type === 'transport');
  const pair =
    (typeof transport?.selectedCandidatePairId === 'string'
      ? byId.get(transport.selectedCandidatePairId)
      : undefined) ??
    stats.find(
      (entry) => entry.type === 'candidate-pair' && entry.nominated && entry.state === 'succeeded',
    );
  const rttMs =
    typeof pair?.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null;
  const available =
    typeof pair?.availableOutgoingBitrate === 'number'
      ? pair.availableOutgoingBitrate / 1000
      : null;

  let reportedLoss: number | null = null;
  let lost = 0;
  let received = 0;
  for (const entry of stats) {
    if (entry.type === 'remote-inbound-rtp' && typeof entry.fractionLost === 'number')
      reportedLoss = Math.max(reportedLoss ?? 0, entry.fractionLost);
    if (entry.type === 'inbound-rtp') {
      lost += typeof entry.packetsLost === 'number' ? Math.max(0, entry.packetsLost) : 0;
      received += typeof entry.packetsReceived === 'number' ? entry.packetsReceived : 0;
    }
  }
  const newLost = previous ? lost - previous.lost : 0;
  const newReceived = previous ? received - previous.received : 0;
  const inboundLoss =
    previous && newLost >= 0 && newReceived >= 0 && newLost + newReceived > 0
      ? newLost / (newLost + newReceived)
      : null;
  return {
    mine: { rttMs, loss: reportedLoss, bitrateKbps: available },
    theirs: { rttMs, loss: inboundLoss, bitrateKbps: null },
    totals: { lost, received },
  };
}

/** The level shown, and a different one being seen (how many readings in a row). */
export interface ShownQuality {
  readonly level: LinkQuality | null;
  readonly candidate: LinkQuality | null;
  readonly streak: number;
}

/** How many readings in a row a new level must hold before it is shown (one every 2 s). */
export const READINGS_TO_CHANGE = 2;

/**
 * The level shown for one end of the link: it changes only once the new level has held for
 * {@link READINGS_TO_CHANGE} readings, so a moment's dip (or the bitrate estimate's climb at the
 * start of a call) does not make it flicker.
 */
export function nextShown(shown: ShownQuality, sample: LinkSample): ShownQuality {
  const { quality } = linkQuality(sample);
  if (quality === shown.level) return { level: shown.level, candidate: null, streak: 0 };
  const streak = quality === shown.candidate ? shown.streak + 1 : 1;
  return streak >= READINGS_TO_CHANGE
    ? { level: quality, candidate: null, streak: 0 }
    : { level: shown.level, candidate: quality, streak };
}
