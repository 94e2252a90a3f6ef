import { describe, expect, it } from 'vitest';
import { deviceTestTexts } from './texts';
import { lossPerCrossing } from './connection-probe';
import { measuresText, mediaErrorVerdict, networkLine } from './verdicts';

const texts = deviceTestTexts.nb;

describe('mediaErrorVerdict', () => {
  it.each([
    ['NotAllowedError', 'blocked'],
    ['SecurityError', 'blocked'],
    ['NotFoundError', 'missing'],
    ['OverconstrainedError', 'missing'],
    ['NotReadableError', 'in_use'],
    ['AbortError', 'in_use'],
    ['TypeError', 'failed'],
  ])('%s is %s', (name, verdict) => {
    expect(mediaErrorVerdict(new DOMException('x', name))).toBe(verdict);
  });

  it('takes anything else for a failure', () => {
    expect(mediaErrorVerdict('no')).toBe('failed');
    expect(mediaErrorVerdict(undefined)).toBe('failed');
  });
});

describe('networkLine', () => {
  const measured = (rttMs: number, loss: number, bitrateKbps: number) =>
    ({ kind: 'measured', rttMs, loss, bitrateKbps }) as const;

  it('says the words of the issue: "Nettverk: svakt — bruk Wi-Fi eller gå nærmere vinduet"', () => {
    const line = networkLine(texts, measured(60, 0, 300));
    expect(`${texts.parts.network}: ${line.verdict}`).toBe('Nettverk: svakt');
    expect(line.advice).toMatch(/^Bruk Wi-Fi eller gå nærmere vinduet/);
    expect(line.state).toBe('warn');
  });

  it.each([
    [measured(40, 0, 2400), 'godt', 'ok'],
    [measured(450, 0, 2400), 'svakt', 'warn'],
    [measured(40, 0.2, 2400), 'for svakt for video', 'bad'],
    [{ kind: 'no_connection' } as const, 'får ikke kontakt', 'bad'],
    [{ kind: 'no_relay' } as const, 'ikke testet', 'info'],
    [{ kind: 'failed' } as const, 'testen stoppet', 'bad'],
    [{ kind: 'checking' } as const, 'tester …', 'pending'],
  ])('%j: %s', (verdict, word, state) => {
    expect(networkLine(texts, verdict)).toMatchObject({ verdict: word, state });
  });

  it('gives a slow link advice about delay, not about a blurry picture', () => {
    expect(networkLine(texts, measured(450, 0, 2400)).advice).toMatch(/treg/);
  });
});

describe('measuresText', () => {
  it('writes the figures in the language', () => {
    const sample = { rttMs: 38, loss: 0.013, bitrateKbps: 2400 };
    expect(measuresText(texts, sample, 'nb-NO')).toBe(
      'Svartid 38 ms · tap 1 % · 2\u00a0400 kbit/s',
    );
    expect(measuresText(deviceTestTexts.en, sample, 'en-GB')).toBe(
      'Round trip 38 ms · loss 1 % · 2,400 kbit/s',
    );
    expect(measuresText(texts, { rttMs: null, loss: null, bitrateKbps: 0 }, 'nb-NO')).toBe(
      'Svartid – ms · tap – % · 0 kbit/s',
    );
  });
});

describe('lossPerCrossing', () => {
  it.each([
    [0, 0],
    [1, 1],
    // 2 of 100 pings lost over four crossings: about half a percent on each.
    [0.02, 0.0050381],
    [0.2, 0.054258],
    [-0.1, 0],
    [1.5, 1],
  ])('%s on the round trip is %s on one crossing', (roundTrip, expected) => {
    expect(lossPerCrossing(roundTrip)).toBeCloseTo(expected, 4);
  });
});
