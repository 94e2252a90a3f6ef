/**
 * A short two-tone chime made with Web Audio oscillators (no sound files). Browsers keep audio
 * off until the page has been clicked or typed in: `unlockChime` on such a gesture makes the
 * later chime (which comes from the network, not a gesture) audible.
 */
let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return null;
  context = new AudioContextClass();
  return context;
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
