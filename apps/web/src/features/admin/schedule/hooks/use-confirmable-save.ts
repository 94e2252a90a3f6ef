import type { OutsideAppointment } from '@visitt/contracts';
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { readHoursConflict } from '../../hours-conflict';

/** The part of a save mutation (`useSaveHours`, `useSaveClosures`) this hook drives. */
interface SaveMutation<Body, Saved> {
  mutate(
    body: Body,
    options: { onSuccess: (saved: Saved) => void; onError: (error: unknown) => void },
  ): void;
  isPending: boolean;
}

interface ConfirmableSaveOptions<Body, Saved> {
  save: SaveMutation<Body, Saved>;
  /** Whether the draft has problems now; then the summary takes focus and nothing is sent. */
  hasProblems: () => boolean;
  /** The body for the draft as it is now (called only when it has no problems). */
  toBody: () => NoInfer<Body>;
  /** Saved: the page starts a new draft from what the API kept. */
  onSaved: (saved: NoInfer<Saved>) => void;
}

type Focus = 'summary' | 'error' | 'result';

/** `Body`: what `saveNow` takes; parts that only show the state use the default. */
export interface ConfirmableSave<Body = never> {
  /** An attempt to save was made: problems are shown and follow every change from then on. */
  isChecked: boolean;
  /** Hide the problems again until the next attempt (after undoing the draft). */
  uncheck: () => void;
  handleSubmit: (event: FormEvent) => void;
  /**
   * Save `body` now, as the form would: for a one-click change whose draft has no problems.
   * Ignored while a save is under way.
   */
  saveNow: (body: Body) => void;
  isPending: boolean;
  /** The appointments of a 409 `hours_conflict` answer, while the dialog asks. */
  conflict: OutsideAppointment[] | null;
  /** Save anyway: the same body again with `confirm: true`. */
  confirm: () => void;
  dismissConflict: () => void;
  /** The last save, with the appointments it left booked outside the hours. */
  result: { outside: OutsideAppointment[] } | null;
  /** The last failure other than a conflict. */
  error: unknown;
  /** Where focus goes after an attempt: the error summary, the failure or the result. */
  refs: Record<Focus, RefObject<HTMLDivElement | null>>;
}

/**
 * Saving a schedule change (hours or closures) that the API may refuse with 409
 * `hours_conflict` when booked appointments would end up outside the hours: the conflict is
 * kept for a dialog to confirm, which sends the same body with `confirm: true`. After each
 * attempt focus moves to the error summary, the failure or the result.
 */
export function useConfirmableSave<
  Body extends { confirm?: boolean },
  Saved extends { outside: OutsideAppointment[] },
>({
  save,
  hasProblems,
  toBody,
  onSaved,
}: ConfirmableSaveOptions<Body, Saved>): ConfirmableSave<Body> {
  const [isChecked, setIsChecked] = useState(false);
  const [conflict, setConflict] = useState<{
    body: Body;
    appointments: OutsideAppointment[];
  } | null>(null);
  const [result, setResult] = useState<{ outside: OutsideAppointment[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [focusTarget, setFocusTarget] = useState<{ to: Focus } | null>(null);
  const refs = {
    summary: useRef<HTMLDivElement>(null),
    error: useRef<HTMLDivElement>(null),
    result: useRef<HTMLDivElement>(null),
  };

  useEffect(() => {
    if (focusTarget) refs[focusTarget.to].current?.focus();
    // refs are stable
  }, [focusTarget]);

  function send(body: Body) {
    setError(null);
    save.mutate(body, {
      onSuccess: (answer) => {
        setConflict(null);
        setIsChecked(false);
        setResult({ outside: answer.outside });
        onSaved(answer);
        setFocusTarget({ to: 'result' });
      },
      onError: (failure) => {
        const appointments = readHoursConflict(failure);
        if (appointments) {
          setConflict({ body, appointments });
          return;
        }
        setConflict(null);
        setError(failure);
        setFocusTarget({ to: 'error' });
      },
    });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setResult(null);
    setIsChecked(true);
    if (hasProblems()) {
      setFocusTarget({ to: 'summary' });
      return;
    }
    send(toBody());
  }

  return {
    isChecked,
    uncheck: () => setIsChecked(false),
    handleSubmit,
    saveNow: (body) => {
      if (save.isPending) return;
      setResult(null);
      send(body);
    },
    isPending: save.isPending,
    conflict: conflict?.appointments ?? null,
    confirm: () => {
      if (conflict && !save.isPending) send({ ...conflict.body, confirm: true });
    },
    dismissConflict: () => setConflict(null),
    result,
    error,
    refs,
  };
}
