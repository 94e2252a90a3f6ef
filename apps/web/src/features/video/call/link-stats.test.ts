import { describe, expect, it } from 'vitest';
import { nextShown, readLink, type ShownQuality, type StatsEntry } from './link-stats';

const report = (inbound: { lost: number; received: number }, extra: StatsEntry[] = []) => [
  { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
  {
    id: 'P',
    type: 'candidate-pair',
    currentRoundTripTime: 0.08,
    availableOutgoingBitrate: 1_200_000,
  },
  { id: 'Q', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 9 },
  { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsLost: 0, packetsReceived: 500 },
  {
    id: 'IV',
    type: 'inbound-rtp',
    kind: 'video',
    packetsLost: inbound.lost,
    packetsReceived: inbound.received,
  },
  ...extra,
];

describe('readLink', () => {
  it('reads our side from the selected pair and what the other side reports lost', () => {
    const { mine } = readLink(
      report({ lost: 0, received: 1000 }, [
        { id: 'R1', type: 'remote-inbound-rtp', kind: 'audio', fractionLost: 0.01 },
        { id: 'R2', type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.05 },
      ]),
      null,
    );
    expect(mine).toEqual({ rttMs: 80, loss: 0.05, bitrateKbps: 1200 });
  });

  it('reads their side from what was lost of their packets since the last reading', () => {
    const first = readLink(report({ lost: 10, received: 1000 }), null);
    expect(first.theirs).toEqual({ rttMs: 80, loss: null, bitrateKbps: null });
    // 30 more lost, 270 more received (the audio did not move): 10 %.
    const second = readLink(report({ lost: 40, received: 1270 }), first.totals);
    expect(second.theirs.loss).toBeCloseTo(0.1, 6);
    // Nothing came in between two readings: no figure, not "everything lost".
    expect(readLink(report({ lost: 40, received: 1270 }), second.totals).theirs.loss).toBeNull();
  });

  it('takes the nominated pair when the transport names none, and knows nothing without one', () => {
    const withoutTransport = report({ lost: 0, received: 1 }).filter((e) => e.type !== 'transport');
    expect(readLink(withoutTransport, null).mine.rttMs).toBe(9000);
    expect(readLink([], null)).toEqual({
      mine: { rttMs: null, loss: null, bitrateKbps: null },
      theirs: { rttMs: null, loss: null, bitrateKbps: null },
      totals: { lost: 0, received: 0 },
    });
  });
});

describe('nextShown', () => {
  const good = { rttMs: 40, loss: 0, bitrateKbps: 2000 };
  const weak = { rttMs: 40, loss: 0, bitrateKbps: 300 };
  const poor = { rttMs: 40, loss: 0.2, bitrateKbps: 100 };

  it('shows a level once it has held for two readings, and not a moment’s dip', () => {
    let shown: ShownQuality = { level: null, candidate: null, streak: 0 };
    shown = nextShown(shown, good);
    expect(shown.level).toBeNull();
    shown = nextShown(shown, good);
    expect(shown.level).toBe('good');
    shown = nextShown(shown, poor);
    expect(shown.level).toBe('good');
    shown = nextShown(shown, good);
    expect(shown).toEqual({ level: 'good', candidate: null, streak: 0 });
    shown = nextShown(shown, weak);
    shown = nextShown(shown, poor);
    expect(shown.level).toBe('good');
    shown = nextShown(shown, poor);
    expect(shown.level).toBe('poor');
  });
});
