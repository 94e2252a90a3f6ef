import type { RoomRole } from '@visitt/contracts';
import type { TranslationKey } from '../../i18n';
import { displayName } from '../../lib/person-name';
import type { CallPhase } from './call/types';

/** The four faces of the video room. */
export type RoomView = 'waiting' | 'call' | 'ended' | 'failed';

/**
 * Which screen the room shows in `phase`: the waiting room until both are in (and while the
 * camera and microphone are being prepared), the call while both are there — `reconnecting`
 * included, since a drop is not a departure — and the end or failure screens.
 */
export function roomView(phase: CallPhase): RoomView {
  switch (phase) {
    case 'preparing':
    case 'waiting':
      return 'waiting';
    case 'connecting':
    case 'in_call':
    case 'reconnecting':
      return 'call';
    case 'ended':
      return 'ended';
    case 'failed':
      return 'failed';
  }
}

/**
 * The other side's name for the screen, seen as `role`: the name the server sent, or "Pasienten"
 * / "Behandleren" (through `t`) when it is empty — a patient may never have given a name.
 */
export function peerDisplayName(
  peerName: string,
  role: RoomRole,
  t: (key: TranslationKey) => string,
): string {
  return displayName(
    peerName,
    t(role === 'practitioner' ? 'videoRoom.peerPatient' : 'videoRoom.peerPractitioner'),
  );
}

/** Words that are titles, not names ("Dr. Nils Vakt" → "NV"). */
const TITLE = /^(dr|lege|prof|sykepleier)\.?$/i;

/**
 * Up to two initials for a camera-off tile: first and last name ("Ola Nordmann" → "ON"), the
 * first letter of a single name, the letters of an e-mail address's name part ("ola.pasient@…"
 * → "OP"), or "?" when there is nothing to go on.
 */
export function initials(name: string | null | undefined): string {
  const words = (name ?? '')
    .split('@')[0]!
    .split(/[\s._-]+/)
    .map((word) => word.replace(/[^\p{L}\p{N}]/gu, ''))
    // Initials are letters: "pasient-1795@…" gives "P", not "P1".
    .filter((word) => /^\p{L}/u.test(word) && !TITLE.test(word));
  const [first, ...rest] = words;
  if (!first) return '?';
  const last = rest.at(-1);
  return (first[0]! + (last ? last[0]! : '')).toLocaleUpperCase('nb');
}

/**
 * The microphone level as 0–100 from one frame of time-domain samples (−1…1): the RMS in
 * decibels, mapped so that silence (−60 dBFS or less) is 0 and a loud voice (−10 dBFS) is 100.
 */
export function levelFromSamples(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.round(Math.min(100, Math.max(0, ((db + 60) / 50) * 100)));
}
