/**
 * A short two-tone chime made with Web Audio oscillators (no sound files). Browsers keep audio
 * off until the page has been clicked or typed in (the autoplay policy): an audio context made
 * before that stays `suspended`. `isSoundBlocked` tells, `subscribeSound` says when it changes,
 * and `unlockChime` on such a gesture makes the later chime (which comes from the network, not a
 * gesture) audible.
 */
let context: AudioContext | null = null;
const listeners = new Set<() => void>();

function audioContext(): AudioContext | null {
  if (context) return context;
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return null;
  context = new AudioContextClass();
  context.addEventListener('statechange', () => {
    for (const listener of listeners) listener();
  });
  return context;
}

/**
 * Makes the audio context, which is what the browser judges: where sound is allowed it starts
 * (some browsers create it `suspended` and start it a moment later); where it is not, it stays
 * `suspended` until a click or key press. Call when the page that may chime opens.
 */
export function prepareSound(): void {
  const ctx = audioContext();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/**
 * Whether the browser holds the chime back until the user clicks or types; false before
 * {@link prepareSound} and where there is no Web Audio (there is nothing to unlock).
 */
export function isSoundBlocked(): boolean {
  return context?.state === 'suspended';
}

/** Calls `listener` when sound becomes blocked or allowed; returns the unsubscribe. */
export function subscribeSound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Call from a click or key press: lets the chime play later. */
export function unlockChime(): void {
  const ctx = audioContext();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Plays "ding-dong": 880 Hz, then 660 Hz, each a soft 0.35 s tone. Silent if audio is locked. */
export function playChime(): void {
  const ctx = audioContext();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  for (const [frequency, offset] of [
    [880, 0],
    [660, 0.22],
  ] as const) {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + offset;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.4);
  }
}
