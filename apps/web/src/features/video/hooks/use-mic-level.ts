import { useEffect, useState } from 'react';
import { levelFromSamples } from '../video-labels';

const INTERVAL_MS = 100;

/**
 * The level (0–100) of the microphone in `stream`, measured with a Web Audio AnalyserNode ten
 * times a second; null while there is no microphone track to listen to. Measures only while
 * `isActive` (the waiting room), so nothing runs during the call.
 */
export function useMicLevel(stream: MediaStream | null, isActive: boolean): number | null {
  const track = stream?.getAudioTracks()[0] ?? null;
  const [level, setLevel] = useState<number | null>(null);

  useEffect(() => {
    if (!isActive || !track || track.readyState === 'ended') {
      setLevel(null);
      return;
    }
    const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    // Without a click on this page yet the browser may hold audio back: resume on the first one.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    document.addEventListener('pointerdown', resume);
    document.addEventListener('keydown', resume);
    setLevel(0);
    const timer = window.setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      setLevel(track.enabled ? levelFromSamples(samples) : 0);
    }, INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      source.disconnect();
      void context.close().catch(() => undefined);
    };
  }, [track, isActive]);

  return level;
}
