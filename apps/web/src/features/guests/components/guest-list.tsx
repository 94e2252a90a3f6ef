import type { Guest } from '@visitt/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useT } from '../../../i18n';
import { useAdmitGuest, useRevokeGuest } from '../api/guests-api';
import {
  guestRemoval,
  guestStatus,
  guestStatusText,
  shouldOfferAdmit,
  type GuestRemoval,
} from '../guest-status';

/**
 * The guests of a consultation, each with their role and where they stand in words, and what
 * the practitioner can do: **Slipp inn** a waiting guest (where `canAdmit`: in the call),
 * **Trekk tilbake** an invitation not used yet, **Fjern** someone who is or was in the call (asked
 * first). Used in the appointment's details and in the video call.
 */
export function GuestList({
  appointmentId,
  guests,
  canAdmit,
}: {
  appointmentId: string;
  guests: readonly Guest[];
  canAdmit: boolean;
}) {
  const t = useT();
  if (guests.length === 0) return <p className="guests-none">{t('guests.none')}</p>;
  return (
    <ul className="guests-list">
      {guests.map((guest) => (
        <GuestItem key={guest.id} appointmentId={appointmentId} guest={guest} canAdmit={canAdmit} />
      ))}
    </ul>
  );
}

function GuestItem({
  appointmentId,
  guest,
  canAdmit,
}: {
  appointmentId: string;
  guest: Guest;
  canAdmit: boolean;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const admit = useAdmitGuest(appointmentId);
  const revoke = useRevokeGuest(appointmentId);
  // What the open confirmation is about, kept while it closes (the guest's status changes).
  const [confirming, setConfirming] = useState<Exclude<GuestRemoval, 'revoke'> | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const textRef = useRef<HTMLDivElement>(null);
  const errorId = useId();
  const status = guestStatus(guest);
  const removal = guestRemoval(status);
  const statusText = guestStatusText(guest);
  const isGone = status === 'revoked' || status === 'removed';
  const name = guest.name;

  useEffect(() => {
    // The button that was used is gone with the new status: focus goes to the guest, whose
    // status is read out, rather than to nowhere. After the dialog has closed (its effect first).
    if (focusRequest > 0) textRef.current?.focus();
  }, [focusRequest]);

  function handleRevoke() {
    if (revoke.isPending) return;
    admit.reset();
    revoke.mutate(guest.id, {
      onSuccess: () => {
        setConfirming(null);
        setFocusRequest((n) => n + 1);
      },
    });
  }

  function handleAdmit() {
    if (admit.isPending) return;
    revoke.reset();
    admit.mutate(guest.id, { onSuccess: () => setFocusRequest((n) => n + 1) });
  }

  function openConfirm(kind: Exclude<GuestRemoval, 'revoke'>) {
    revoke.reset();
    setConfirming(kind);
  }

  // A failed revocation is said in its dialog while that is open, here otherwise.
  const error = admit.error ?? (confirming ? null : revoke.error);
  const isAdmitOffered = shouldOfferAdmit(guest, canAdmit);

  return (
    <li className={`guests-item${isGone ? ' guests-item--gone' : ''}`}>
      <div ref={textRef} className="guests-item__text focus-target" tabIndex={-1}>
        <p className="guests-item__name">{name}</p>
        <p className="guests-item__meta">
          <span>{t(`guests.roleLabels.${guest.role}`)}</span>
          <span aria-hidden="true"> · </span>
          <span className={`guests-status guests-status--${status}`}>
            {t(statusText.key, statusText.vars)}
          </span>
        </p>
        {error ? (
          <p id={errorId} className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        ) : null}
      </div>
      {removal || isAdmitOffered ? (
        <div className="guests-item__actions">
          {isAdmitOffered ? (
            <Button
              variant="start"
              onClick={handleAdmit}
              isBusy={admit.isPending}
              aria-disabled={admit.isPending || undefined}
              aria-label={t('guests.admitName', { name })}
            >
              {admit.isPending ? t('guests.admitting') : t('guests.admit')}
            </Button>
          ) : null}
          {removal === 'revoke' ? (
            <Button
              variant="secondary"
              onClick={handleRevoke}
              isBusy={revoke.isPending}
              aria-disabled={revoke.isPending || undefined}
              aria-label={t('guests.revokeName', { name })}
            >
              {revoke.isPending ? t('guests.revoking') : t('guests.revoke')}
            </Button>
          ) : removal === 'revokeWaiting' ? (
            <Button
              variant="secondary"
              onClick={() => openConfirm('revokeWaiting')}
              aria-label={t('guests.revokeName', { name })}
            >
              {t('guests.revoke')}
            </Button>
          ) : removal === 'remove' ? (
            <Button
              variant="danger-outline"
              onClick={() => openConfirm('remove')}
              aria-label={t('guests.removeName', { name })}
            >
              {t('guests.remove')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming != null}
        title={
          confirming === 'revokeWaiting'
            ? t('guests.revokeWaitingTitle', { name })
            : t('guests.removeTitle', { name })
        }
        onClose={() => setConfirming(null)}
        onConfirm={handleRevoke}
        keepLabel={t('guests.keep')}
        confirmLabel={confirming === 'revokeWaiting' ? t('guests.revoke') : t('guests.remove')}
        busyLabel={confirming === 'revokeWaiting' ? t('guests.revoking') : t('guests.removing')}
        isBusy={revoke.isPending}
        error={revoke.error}
      >
        <p>
          {confirming === 'revokeWaiting'
            ? t('guests.revokeWaitingText', { name })
            : t('guests.removeText')}
        </p>
      </ConfirmDialog>
    </li>
  );
}
