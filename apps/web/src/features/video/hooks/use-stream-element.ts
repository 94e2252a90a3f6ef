import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Plays `stream` in a `<video>` element: a ref callback for the element, and whether the
 * browser refused to start the sound by itself (autoplay rules after a reload without a click)
 * with `play` to start it from a button press.
 */
export function useStreamElement(stream: MediaStream | null): {
  ref: (element: HTMLVideoElement | null) => void;
  isBlocked: boolean;
  play: () => void;
} {
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [isBlocked, setIsBlocked] = useState(false);
  const latest = useRef(stream);
  latest.current = stream;

  useEffect(() => {
    if (!element) return;
    if (element.srcObject !== stream) element.srcObject = stream;
    if (!stream) return;
    element.play().then(
      () => setIsBlocked(false),
      (error: unknown) => {
        // NotAllowedError: sound needs a user gesture first. AbortError: a newer stream came.
        if (error instanceof DOMException && error.name === 'NotAllowedError') setIsBlocked(true);
      },
    );
  }, [element, stream]);

  useEffect(
    () => () => {
      if (element) element.srcObject = null;
    },
    [element],
  );

  const play = useCallback(() => {
    if (!element || !latest.current) return;
    element.play().then(
      () => setIsBlocked(false),
      () => setIsBlocked(true),
    );
  }, [element]);

  return { ref: setElement, isBlocked, play };
}
