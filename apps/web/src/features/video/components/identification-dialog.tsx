import type { IdentificationMethod, IdentificationStatus } from '@visitt/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useFormat, useT } from '../../../i18n';
import { useIdentification, useRecordIdentification } from '../api/identification-api';

/** What the practitioner can choose; ID-porten records itself from the patient's sign-in. */
const CHOICES = ['id_document', 'known_patient'] as const satisfies readonly IdentificationMethod[];

/** What is recorded, in one sentence ("Kjent pasient, registrert av Lege kl. 10:05."). */
export function IdentificationSummary({
  status,
  timeZone,
}: {
  status: IdentificationStatus;
  timeZone: string;
}) {
  const t = useT();
  const format = useFormat();
  const recorded = status.identification;
  if (!recorded) return <p>{t('identification.notRecorded')}</p>;
  const method =
    recorded.method === 'id_porten' && recorded.level
      ? `${t('identification.methods.id_porten')} (${t(`identification.levels.${recorded.level}`)})`
      : t(`identification.methods.${recorded.method}`);
  const time = format.time(recorded.recordedAt, timeZone);
  return (
    <p>
      {recorded.recordedBy
        ? t('identification.recorded', { method, name: recorded.recordedBy.name ?? '', time })
        : t('identification.recordedAutomatically', { method, time })}
    </p>
  );
}

/**
 * The choice and its saving, for the dialog and the end screen: a radio group, the error said
 * where it is (and the focus taken back to the choices when none was made).
 */
function useIdentificationChoice(appointmentId: string, initial: IdentificationMethod | null) {
  const record = useRecordIdentification(appointmentId);
  const [choice, setChoice] = useState<IdentificationMethod | null>(initial);
  const [isMissing, setIsMissing] = useState(false);
  const firstChoice = useRef<HTMLInputElement>(null);
  const save = (onSaved: () => void) => {
    if (record.isPending) return;
    if (!choice) {
      setIsMissing(true);
      firstChoice.current?.focus();
      return;
    }
    record.mutate(choice, { onSuccess: onSaved });
  };
  const reset = (next: IdentificationMethod | null) => {
    setChoice(next);
    setIsMissing(false);
    record.reset();
  };
  return { record, choice, setChoice, isMissing, setIsMissing, firstChoice, save, reset };
}

function ChoiceFields({ state }: { state: ReturnType<typeof useIdentificationChoice> }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const name = useId();
  const errorId = useId();
  const hasError = state.isMissing || state.record.isError;
  return (
    <>
      <fieldset className="choice-list" aria-describedby={hasError ? errorId : undefined}>
        <legend>{t('identification.question')}</legend>
        {CHOICES.map((method, index) => (
          <label key={method} className="choice">
            <input
              ref={index === 0 ? state.firstChoice : undefined}
              type="radio"
              name={name}
              value={method}
              checked={state.choice === method}
              onChange={() => {
                state.setChoice(method);
                state.setIsMissing(false);
              }}
            />
            <span>{t(`identification.methods.${method}`)}</span>
          </label>
        ))}
      </fieldset>
      {hasError ? (
        <p id={errorId} className="field__error" role="alert">
          {state.isMissing ? t('identification.chooseOne') : errorMessage(state.record.error)}
        </p>
      ) : null}
    </>
  );
}

/**
 * **Identifisering**: the practitioner records how the patient was identified for this
 * consultation. Opened from the call's controls, or by **Avslutt** when it must be asked
 * (`isEnding`): then **Lagre og avslutt** and **Avslutt uten å registrere** end the call, and
 * **Tilbake til samtalen** goes back to it (to ask for ID first).
 */
export function IdentificationDialog({
  appointmentId,
  timeZone,
  status,
  isOpen,
  isEnding,
  onClose,
  onEnd,
}: {
  appointmentId: string;
  timeZone: string;
  status: IdentificationStatus | undefined;
  isOpen: boolean;
  isEnding: boolean;
  onClose: () => void;
  onEnd: () => void;
}) {
  const t = useT();
  // What was recorded is the starting point (ID-porten records itself: not a choice here).
  const current = status?.identification?.method;
  const initial = current && current !== 'id_porten' ? current : null;
  const state = useIdentificationChoice(appointmentId, initial);
  const explanationId = useId();
  const { reset } = state;
  useEffect(() => {
    if (isOpen) reset(initial);
  }, [isOpen]);

  return (
    <Dialog
      isOpen={isOpen}
      title={t('identification.title')}
      onClose={onClose}
      describedBy={explanationId}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {isEnding ? t('identification.backToCall') : t('identification.cancel')}
          </Button>
          {isEnding ? (
            <Button variant="secondary" onClick={onEnd}>
              {t('identification.endWithout')}
            </Button>
          ) : null}
          <Button
            onClick={() => state.save(isEnding ? onEnd : onClose)}
            isBusy={state.record.isPending}
            aria-disabled={state.record.isPending || undefined}
          >
            {state.record.isPending
              ? t('identification.saving')
              : isEnding
                ? t('identification.saveAndEnd')
                : t('identification.save')}
          </Button>
        </>
      }
    >
      <div id={explanationId}>
        {isEnding ? <p>{t('identification.askBeforeEnding')}</p> : null}
        {status ? <IdentificationSummary status={status} timeZone={timeZone} /> : null}
      </div>
      <ChoiceFields state={state} />
    </Dialog>
  );
}

/**
 * On the practitioner's end screen when the call ended without the question (the patient hung
 * up, the connection dropped): still asked, as long as it is needed.
 */
export function IdentificationAfterCall({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const status = useIdentification(appointmentId);
  const state = useIdentificationChoice(appointmentId, null);
  const headingId = useId();
  const [saved, setSaved] = useState<IdentificationMethod | null>(null);
  if (saved)
    return (
      <p role="status">
        {t('identification.saved', { method: t(`identification.methods.${saved}`) })}
      </p>
    );
  if (!status.data?.needed) return null;
  return (
    <section className="call-end__identify" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('identification.title')}</h2>
      <p>{t('identification.afterCall')}</p>
      <ChoiceFields state={state} />
      <Button
        onClick={() => state.save(() => setSaved(state.choice))}
        isBusy={state.record.isPending}
        aria-disabled={state.record.isPending || undefined}
      >
        {state.record.isPending ? t('identification.saving') : t('identification.save')}
      </Button>
    </section>
  );
}

/**
 * In the appointment's details (the calendar): how the patient was identified, and a way to
 * record or correct it after the call. Only the appointment's practitioner may (anyone else is
 * refused by the server, and sees nothing here).
 */
export function IdentificationSection({
  appointmentId,
  timeZone,
}: {
  appointmentId: string;
  timeZone: string;
}) {
  const t = useT();
  const status = useIdentification(appointmentId);
  const [isOpen, setIsOpen] = useState(false);
  const headingId = useId();
  if (!status.data) return null;
  return (
    <section className="identification" aria-labelledby={headingId}>
      <h3 id={headingId} className="identification__title">
        {t('identification.title')}
      </h3>
      <IdentificationSummary status={status.data} timeZone={timeZone} />
      <Button variant="secondary" onClick={() => setIsOpen(true)}>
        {status.data.identification ? t('identification.change') : t('identification.record')}
      </Button>
      <IdentificationDialog
        appointmentId={appointmentId}
        timeZone={timeZone}
        status={status.data}
        isOpen={isOpen}
        isEnding={false}
        onClose={() => setIsOpen(false)}
        onEnd={() => setIsOpen(false)}
      />
    </section>
  );
}
