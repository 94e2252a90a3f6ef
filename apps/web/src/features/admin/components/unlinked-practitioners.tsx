import type { AdminPractitioner, StaffInvitation } from '@visitt/contracts';
import { useId } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';

interface UnlinkedPractitionersProps {
  /** The clinic's practitioners without an account (patients may book them all the same). */
  practitioners: readonly AdminPractitioner[];
  /** Open invitations: one made for a practitioner is shown with them. */
  invitations: readonly StaffInvitation[];
  onInvite: (practitioner: AdminPractitioner) => void;
}

/**
 * Practitioners of the clinic who have no account yet, one card each, with "Inviter": the
 * invitation, once accepted, links the account to this practitioner (their hours and booked
 * appointments), so no second practitioner is made.
 */
export function UnlinkedPractitioners({
  practitioners,
  invitations,
  onInvite,
}: UnlinkedPractitionersProps) {
  const t = useT();
  if (practitioners.length === 0)
    return <p className="muted">{t('admin.staff.noWithoutAccount')}</p>;
  return (
    <ul className="card-list" role="list">
      {practitioners.map((practitioner) => (
        <PractitionerCard
          key={practitioner.id}
          practitioner={practitioner}
          invitation={invitations.find(
            (i) => i.practitionerId === practitioner.id && i.state === 'pending',
          )}
          onInvite={onInvite}
        />
      ))}
    </ul>
  );
}

function PractitionerCard({
  practitioner,
  invitation,
  onInvite,
}: {
  practitioner: AdminPractitioner;
  invitation: StaffInvitation | undefined;
  onInvite: (practitioner: AdminPractitioner) => void;
}) {
  const t = useT();
  const nameId = useId();
  return (
    <li className={`card admin-member${practitioner.active ? '' : ' admin-member--inactive'}`}>
      <div className="admin-member__main">
        <h3 id={nameId} className="admin-member__name">
          {practitioner.name}
        </h3>
        <p className="admin-member__tags">
          <span className="tag admin-role admin-role--practitioner">
            {t('admin.staff.roles.practitioner')}
          </span>
          {practitioner.active ? null : (
            <span className="badge badge--cancelled">{t('admin.staff.practitionerInactive')}</span>
          )}
        </p>
        {practitioner.title ? <p className="admin-member__meta">{practitioner.title}</p> : null}
        {invitation ? (
          <p className="admin-member__meta">
            {t('admin.staff.invitationPending', { email: invitation.email })}
          </p>
        ) : null}
      </div>
      <div className="admin-member__actions">
        <Button
          variant="secondary"
          icon="mail"
          onClick={() => onInvite(practitioner)}
          aria-describedby={nameId}
        >
          {t('admin.staff.inviteThis')}
        </Button>
      </div>
    </li>
  );
}
