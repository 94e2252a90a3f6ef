import type { IdentificationMethod, IdentificationStatus } from '@visitt/contracts';
import { useEffect, useId, useState } from 'react';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useFormat, useT } from '../../../i18n';
import { useRecordIdentification } from '../api/identification-api';

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
 * **Identifisering**: the practitioner records how the patient was identified for this
 * consultation. Opened from the call's controls, or by **Avslutt** when it must be asked
 * (`isEnding`): then **Lagre og avslutt** and **Avslutt uten å registrere** end the call.
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
  const errorMessage = useErrorMessage();
  const record = useRecordIdentification(appointmentId);
  const current = status?.identification?.method;
  const [choice, setChoice] = useState<IdentificationMethod | null>(null);
  const [isMissing, setIsMissing] = useState(false);
  const name = useId();
  const errorId = useId();
  useEffect(() => {
    if (isOpen) {
      setChoice(current && current !== 'id_porten' ? current : null);
      setIsMissing(false);
      record.reset();
    }
    // Only when opened: what was recorded then is the starting point.
  }, [isOpen]);

  const save = () => {
    if (!choice) {
      setIsMissing(true);
      return;
    }
    record.mutate(choice, { onSuccess: () => (isEnding ? onEnd() : onClose()) });
  };

  return (
    <Dialog
      isOpen={isOpen}
      title={t('identification.title')}
      onClose={onClose}
      actions={
        <>
          {isEnding ? (
            <Button variant="secondary" onClick={onEnd}>
              {t('identification.endWithout')}
            </Button>
          ) : (
            <Button variant="secondary" onClick={onClose}>
              {t('identification.cancel')}
            </Button>
          )}
          <Button onClick={save} isBusy={record.isPending}>
            {record.isPending
              ? t('identification.saving')
              : isEnding
                ? t('identification.saveAndEnd')
                : t('identification.save')}
          </Button>
        </>
      }
    >
      {isEnding ? <p>{t('identification.askBeforeEnding')}</p> : null}
      {status ? <IdentificationSummary status={status} timeZone={timeZone} /> : null}
      <fieldset
        className="choice-list"
        aria-describedby={isMissing || record.isError ? errorId : undefined}
      >
        <legend>{t('identification.question')}</legend>
        {CHOICES.map((method) => (
          <label key={method} className="choice">
            <input
              type="radio"
              name={name}
              value={method}
              checked={choice === method}
              onChange={() => {
                setChoice(method);
                setIsMissing(false);
              }}
            />
            <span>{t(`identification.methods.${method}`)}</span>
          </label>
        ))}
      </fieldset>
      {isMissing || record.isError ? (
        <p id={errorId} className="field__error" role="alert">
          {isMissing ? t('identification.chooseOne') : errorMessage(record.error)}
        </p>
      ) : null}
    </Dialog>
  );
}
