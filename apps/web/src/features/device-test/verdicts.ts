import { fillPlaceholders } from '../../i18n/catalogue';
import { linkQuality, type LinkSample } from '@visitt/domain';
import type { ProbeResult } from './connection-probe';
import type { DeviceTestTexts } from './texts';

/** The camera's or the microphone's state on the test page. */
export type MediaVerdict =
  'checking' | 'works' | 'blocked' | 'missing' | 'in_use' | 'failed' | 'silent';
/** The speaker's: the person says whether they heard the test sound. */
export type SpeakerVerdict = 'untested' | 'works' | 'not_heard';
/** The network's: the connection test through the relay, or why there is none. */
export type NetworkVerdict =
  | { kind: 'checking' }
  | { kind: 'no_relay' }
  | { kind: 'failed' }
  /** Too many tests from this address lately (429). */
  | { kind: 'busy' }
  | ProbeResult;

/** Why the browser gave no camera or microphone, from getUserMedia's error. */
export function mediaErrorVerdict(error: unknown): 'blocked' | 'missing' | 'in_use' | 'failed' {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'blocked';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'AbortError':
      return 'in_use';
    default:
      return 'failed';
  }
}

/** One part's line on the page: the verdict word, what to do (if anything), and whether it is well. */
export interface VerdictLine {
  readonly verdict: string;
  readonly advice: string | null;
  /** `info`: nothing for the person to mend (the service has no relay to test through). */
  readonly state: 'pending' | 'ok' | 'info' | 'warn' | 'bad';
}

export function mediaLine(texts: DeviceTestTexts, verdict: MediaVerdict): VerdictLine {
  const m = texts.media;
  switch (verdict) {
    case 'checking':
      return { verdict: texts.checking, advice: null, state: 'pending' };
    case 'works':
      return { verdict: m.works, advice: null, state: 'ok' };
    case 'blocked':
      return { verdict: m.blocked, advice: m.blockedAdvice, state: 'bad' };
    case 'missing':
      return { verdict: m.missing, advice: m.missingAdvice, state: 'bad' };
    case 'in_use':
      return { verdict: m.inUse, advice: m.inUseAdvice, state: 'bad' };
    case 'silent':
      return { verdict: m.silent, advice: m.silentAdvice, state: 'warn' };
    case 'failed':
      return { verdict: m.failed, advice: m.failedAdvice, state: 'bad' };
  }
}

export function speakerLine(texts: DeviceTestTexts, verdict: SpeakerVerdict): VerdictLine {
  const s = texts.speakerVerdict;
  switch (verdict) {
    case 'untested':
      return { verdict: s.untested, advice: s.untestedAdvice, state: 'pending' };
    case 'works':
      return { verdict: s.works, advice: null, state: 'ok' };
    case 'not_heard':
      return { verdict: s.notHeard, advice: s.notHeardAdvice, state: 'warn' };
  }
}

/** The measures in words: "Svartid 40 ms · tap 0 % · 2 400 kbit/s". */
export function measuresText(
  texts: DeviceTestTexts,
  sample: LinkSample,
  intlLocale: string,
): string {
  const number = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 0 });
  const dash = '–';
  return fillPlaceholders(texts.network.measures, {
    rtt: sample.rttMs === null ? dash : number.format(sample.rttMs),
    loss: sample.loss === null ? dash : number.format(sample.loss * 100),
    bitrate: sample.bitrateKbps === null ? dash : number.format(sample.bitrateKbps),
  });
}

export function networkLine(texts: DeviceTestTexts, verdict: NetworkVerdict): VerdictLine {
  const n = texts.network;
  switch (verdict.kind) {
    case 'checking':
      return { verdict: texts.checking, advice: null, state: 'pending' };
    case 'no_relay':
      return { verdict: n.noRelay, advice: n.noRelayAdvice, state: 'info' };
    case 'failed':
      return { verdict: n.failed, advice: n.failedAdvice, state: 'bad' };
    case 'busy':
      return { verdict: n.busy, advice: n.busyAdvice, state: 'warn' };
    case 'no_connection':
      return { verdict: n.noConnection, advice: n.noConnectionAdvice, state: 'bad' };
    case 'measured': {
      const { quality, problem } = linkQuality(verdict);
      if (quality === 'good') return { verdict: n.good, advice: n.goodAdvice, state: 'ok' };
      if (quality === 'weak')
        return {
          verdict: n.weak,
          advice: problem === 'rtt' ? n.weakDelayAdvice : n.weakAdvice,
          state: 'warn',
        };
      return { verdict: n.poor, advice: n.poorAdvice, state: 'bad' };
    }
  }
}
