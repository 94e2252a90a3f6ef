import type { Participant } from '@visitt/contracts';
import { useEffect, useRef, useState } from 'react';

/** Two short tones, rising when someone comes in and falling when someone leaves. */
function chime(rising: boolean): void {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return;
  const context = new AudioContextClass();
  const notes = rising ? [660, 880] : [880, 660];
  notes.forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    const start = context.currentTime + i * 0.16;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.16);
  });
  setTimeout(() => void context.close(), 600);
}

export interface ParticipantChange {
  kind: 'joined' | 'left' | 'waiting';
  participant: Participant;
}

const inCall = (p: Participant) =>
  p.admitted && (p.presence === 'in_call' || p.presence === 'reconnecting');

/**
 * Who came into the call, who left it, and (for the practitioner) who waits to be let in, as the
 * participant lists change: a chime for each, and the last change for the page to announce.
 * The first list is how things stand, not a change.
 */
export function useParticipantChanges(
  participants: readonly Participant[],
  mySeat: string,
  showWaiting: boolean,
): ParticipantChange | null {
  const [change, setChange] = useState<ParticipantChange | null>(null);
  const previous = useRef<readonly Participant[] | null>(null);

  useEffect(() => {
    const before = previous.current;
    previous.current = participants;
    if (before === null || before.length === 0) return;
    const was = (seat: string, test: (p: Participant) => boolean) =>
      before.some((p) => p.seat === seat && test(p));
    const others = participants.filter((p) => p.seat !== mySeat);
    const joined = others.find((p) => inCall(p) && !was(p.seat, inCall));
    const left = before.find(
      (p) =>
        p.seat !== mySeat && inCall(p) && !participants.some((q) => q.seat === p.seat && inCall(q)),
    );
    const waiting = showWaiting
      ? others.find(
          (p) =>
            !p.admitted &&
            p.presence === 'waiting' &&
            !was(p.seat, (q) => q.presence === 'waiting'),
        )
      : undefined;
    const next: ParticipantChange | null = joined
      ? { kind: 'joined', participant: joined }
      : left
        ? { kind: 'left', participant: left }
        : waiting
          ? { kind: 'waiting', participant: waiting }
          : null;
    if (!next) return;
    chime(next.kind !== 'left');
    setChange(next);
  }, [participants, mySeat, showWaiting]);

  return change;
}
