import type { StaffInvitation } from '@visitt/contracts';
import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { sortRoles } from '../admin-access';
import { useClinicClock } from '../hooks/use-clinic-clock';

interface StaffInvitationsProps {
  invitations: readonly StaffInvitation[];
  onRevoke: (invitation: StaffInvitation) => void;
  onResend: (invitation: StaffInvitation) => void;
  /** The invitation an action is under way for. */
  busyId: string | null;
}

/**
 * Invitations not yet accepted: pending ones (with when they expire) can be withdrawn, expired
 * ones sent again (a new link for another 7 days) or withdrawn.
 */
export function StaffInvitations({
  invitations,
  onRevoke,
  onResend,
  busyId,
}: StaffInvitationsProps) {
  const t = useT();
  if (invitations.length === 0) return <p className="muted">{t('admin.staff.noInvitations')}</p>;
  return (
    <ul className="card-list" role="list">
      {invitations.map((invitation) => (
        <InvitationCard
          key={invitation.id}
          invitation={invitation}
          onRevoke={onRevoke}
          onResend={onResend}
          isBusy={busyId === invitation.id}
        />
      ))}
    </ul>
  );
}

function InvitationCard({
  invitation,
  onRevoke,
  onResend,
  isBusy,
}: Omit<StaffInvitationsProps, 'invitations' | 'busyId'> & {
  invitation: StaffInvitation;
  isBusy: boolean;
}) {
  const t = useT();
  const clock = useClinicClock();
  const emailId = useId();
  const isOpen = invitation.state === 'pending' || invitation.state === 'expired';
  const stateTone =
    invitation.state === 'pending'
      ? 'badge--booked'
      : invitation.state === 'accepted'
        ? 'badge--completed'
        : 'badge--no_show';

  return (
    <li className="card admin-member">
      <div className="admin-member__main">
        <h3 id={emailId} className="admin-member__name">
          {invitation.email}
        </h3>
        <p className="admin-member__tags">
          {sortRoles(invitation.roles).map((role) => (
            <span key={role} className={`tag admin-role admin-role--${role}`}>
              {t(`admin.staff.roles.${role}`)}
            </span>
          ))}
          <span className={`badge ${stateTone}`}>
            {t(`admin.staff.invitationState.${invitation.state}`)}
          </span>
        </p>
        {invitation.practitionerName ? (
          <p className="admin-member__meta">
            {t('admin.staff.shownAs', {
              name: invitation.practitionerTitle
                ? `${invitation.practitionerName}, ${invitation.practitionerTitle}`
                : invitation.practitionerName,
            })}
          </p>
        ) : null}
        <p className="admin-member__meta">
          {invitation.state === 'expired'
            ? t('admin.staff.expiredAt', { when: clock.dateTime(invitation.expiresAt) })
            : t('admin.staff.expiresAt', { when: clock.dateTime(invitation.expiresAt) })}
        </p>
        <p className="admin-member__meta">
          {invitation.invitedBy?.name
            ? t('admin.staff.invitedBy', {
                name: invitation.invitedBy.name,
                date: clock.date(invitation.createdAt),
              })
            : t('admin.staff.invitedAt', { date: clock.date(invitation.createdAt) })}
        </p>
      </div>
      {isOpen ? (
        <div className="admin-member__actions">
          {invitation.state === 'expired' ? (
            <Button
              variant="secondary"
              onClick={() => onResend(invitation)}
              isBusy={isBusy}
              aria-describedby={emailId}
            >
              {t('admin.staff.resend')}
            </Button>
          ) : null}
          <Button
            variant="danger-outline"
            onClick={() => onRevoke(invitation)}
            disabled={isBusy}
            aria-describedby={emailId}
          >
            {t('admin.staff.revoke')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
