import { MAX_GUESTS } from '@visitt/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { ErrorState } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useGuests } from '../api/guests-api';
import { hasRoomForGuest } from '../guest-status';
import { GuestList } from './guest-list';
import { InviteGuestDialog } from './invite-guest-dialog';

/**
 * **Gjester** in the appointment's details (the calendar): who is invited and where they stand,
 * and **Inviter gjest** — days ahead if need be. Only the appointment's practitioner sees it:
 * the server refuses anyone else (an administrator 403, others 404), and then nothing is shown.
 * `canInvite` is false once the video room has closed; the list stays, if there is one.
 */
export function GuestsSection({
  appointmentId,
  canInvite = true,
}: {
  appointmentId: string;
  canInvite?: boolean;
}) {
  const t = useT();
  const guests = useGuests(appointmentId);
  const [isInviting, setIsInviting] = useState(false);
  const [hasInvited, setHasInvited] = useState(false);
  const headingId = useId();
  const inviteButton = useRef<HTMLButtonElement>(null);
  const fullNote = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    // The dialog gives focus back to **Inviter gjest**; when that invitation filled the last
    // place the button is gone, and the note saying so takes the focus instead.
    if (hasInvited && !isInviting && !inviteButton.current) fullNote.current?.focus();
  }, [hasInvited, isInviting]);

  // Nothing while loading, so an administrator (refused) sees no heading come and go.
  if (guests.isPending || isApiError(guests.error, 'forbidden', 'not_found')) return null;
  if (!canInvite && guests.data?.length === 0) return null;
  const hasRoom = guests.data ? hasRoomForGuest(guests.data) : true;

  return (
    <section className="guests-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="guests-section__title">
        {t('guests.title')}
      </h3>
      <p className="guests-section__intro">{t('guests.intro')}</p>
      {guests.isError ? (
        <ErrorState error={guests.error} onRetry={() => void guests.refetch()} />
      ) : (
        <GuestList appointmentId={appointmentId} guests={guests.data} canAdmit={false} />
      )}
      {!canInvite ? (
        <p className="note guests-section__note">{t('guests.closed')}</p>
      ) : !hasRoom ? (
        <p ref={fullNote} className="note guests-section__note focus-target" tabIndex={-1}>
          {t('guests.full', { max: MAX_GUESTS })}
        </p>
      ) : guests.data ? (
        <Button
          ref={inviteButton}
          variant="secondary"
          icon="plus"
          onClick={() => {
            setHasInvited(true);
            setIsInviting(true);
          }}
        >
          {t('guests.invite')}
        </Button>
      ) : null}
      <InviteGuestDialog
        appointmentId={appointmentId}
        isOpen={isInviting}
        onClose={() => setIsInviting(false)}
      />
    </section>
  );
}
