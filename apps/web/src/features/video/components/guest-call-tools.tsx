import type { Participant } from '@visitt/contracts';
import { useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useAdmitGuest, useRevokeGuest } from '../../guests/api/guests-api';
import { InviteGuestDialog } from '../../guests/components/invite-guest-dialog';
import { ParticipantsBar } from './participants-bar';

/**
 * The participants of the call, always on screen; on the practitioner's page also the guests
 * waiting to be let in (**Slipp inn**), taking a guest out (**Fjern**, after a question), and
 * inviting one (**Legg til** in the controls opens the invitation).
 */
export function GuestCallTools({
  appointmentId,
  participants,
  mySeat,
  isPractitioner,
  isInviting,
  onInviteClose,
}: {
  appointmentId: string;
  participants: readonly Participant[];
  mySeat: string;
  isPractitioner: boolean;
  isInviting: boolean;
  onInviteClose: () => void;
}) {
  const t = useT();
  const admit = useAdmitGuest(appointmentId);
  const revoke = useRevokeGuest(appointmentId);
  const [removing, setRemoving] = useState<Participant | null>(null);
  // **Slipp inn** and **Fjern** go with the guest they were for: focus stays in the list.
  const bar = useRef<HTMLElement>(null);
  const refocus = () => requestAnimationFrame(() => bar.current?.focus());
  // A guest who left just before **Slipp inn**, or the practitioner out of the call: said, not
  // swallowed.
  const failure = admit.error ?? revoke.error;
  const busySeat = admit.isPending
    ? (admit.variables ?? null)
    : revoke.isPending
      ? (revoke.variables ?? null)
      : null;

  return (
    <>
      <ParticipantsBar
        ref={bar}
        participants={participants}
        mySeat={mySeat}
        busySeat={busySeat}
        {...(isPractitioner
          ? {
              onAdmit: (p: Participant) => admit.mutate(p.seat, { onSuccess: refocus }),
              onRemove: (p: Participant) => setRemoving(p),
            }
          : {})}
      />
      {failure ? (
        <p role="alert" className="participants__error">
          {t(`errors.${isApiError(failure) ? failure.code : 'unexpected'}`)}
        </p>
      ) : null}
      {isPractitioner ? (
        <>
          <InviteGuestDialog
            appointmentId={appointmentId}
            isOpen={isInviting}
            onClose={onInviteClose}
          />
          <Dialog
            isOpen={removing !== null}
            title={t('participants.removeTitle', { name: removing?.name ?? '' })}
            onClose={() => setRemoving(null)}
            actions={
              <>
                <Button variant="secondary" onClick={() => setRemoving(null)}>
                  {t('participants.keep')}
                </Button>
                <Button
                  variant="danger"
                  onClick={() => {
                    if (removing) revoke.mutate(removing.seat, { onSuccess: refocus });
                    setRemoving(null);
                  }}
                >
                  {t('participants.remove')}
                </Button>
              </>
            }
          >
            <p>{t('participants.removeText')}</p>
          </Dialog>
        </>
      ) : null}
    </>
  );
}
