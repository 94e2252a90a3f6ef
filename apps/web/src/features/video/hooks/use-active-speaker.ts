import { useEffect, useRef, useState } from 'react';

/** How often the levels are read, and how much louder a new speaker must be to take over. */
const SAMPLE_MS = 300;
const TAKE_OVER_RATIO = 1.5;
const SILENCE = 0.01;

/**
 * The seat whose sound is loudest now (the active speaker), from the audio of each stream: an
 * analyser per stream, read a few times a second. Keeps the current speaker until another is
 * clearly louder, so the large picture does not flicker. Null before anyone speaks.
 */
export function useActiveSpeaker(
  streams: Readonly<Record<string, MediaStream | null>>,
): string | null {
  const [speaker, setSpeaker] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  const key = Object.entries(streams)
    .map(([seat, stream]) => `${seat}:${stream?.getAudioTracks()[0]?.id ?? ''}`)
    .join('|');

  useEffect(() => {
    const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    // Started suspended after a reload without a click: measuring needs it running.
    void context.resume().catch(() => undefined);
    const meters = Object.entries(streams).flatMap(([seat, stream]) => {
      const track = stream?.getAudioTracks()[0];
      if (!track) return [];
      const source = context.createMediaStreamSource(new MediaStream([track]));
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      source.connect(analyser);
      return [{ seat, analyser, samples: new Float32Array(analyser.fftSize) }];
    });
    const timer = setInterval(() => {
      let loudest: { seat: string; level: number } | null = null;
      let currentLevel = 0;
      for (const meter of meters) {
        meter.analyser.getFloatTimeDomainData(meter.samples);
        let sum = 0;
        for (const sample of meter.samples) sum += sample * sample;
        const level = Math.sqrt(sum / meter.samples.length);
        if (meter.seat === current.current) currentLevel = level;
        if (!loudest || level > loudest.level) loudest = { seat: meter.seat, level };
      }
      if (!loudest || loudest.level < SILENCE || loudest.seat === current.current) return;
      if (current.current !== null && loudest.level < currentLevel * TAKE_OVER_RATIO) return;
      current.current = loudest.seat;
      setSpeaker(loudest.seat);
    }, SAMPLE_MS);
    return () => {
      clearInterval(timer);
      void context.close();
    };
    // Re-measured when the set of audio tracks changes, not on every new stream object.
  }, [key]);

  return speaker;
}
