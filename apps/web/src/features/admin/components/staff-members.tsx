import type { StaffMember } from '@visitt/contracts';
import { useEffect, useId, useRef } from 'react';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { sortRoles } from '../admin-access';
import { useClinicClock } from '../hooks/use-clinic-clock';

interface StaffMembersProps {
  members: readonly StaffMember[];
  /** The signed-in user, marked "(deg)". */
  myUserId: string;
  /** How each member is named (their name, else their e-mail). */
  nameOf: (member: StaffMember) => string;
  onChangeRoles: (member: StaffMember) => void;
  onDeactivate: (member: StaffMember) => void;
  onResetAuthenticator: (member: StaffMember) => void;
  onReactivate: (member: StaffMember) => void;
  /** The member whose reactivation is under way. */
  reactivatingUserId: string | null;
  /**
   * Move focus to this member's first button (a new object each time): after deactivating or
   * reactivating, the button that was pressed is gone.
   */
  focusRequest: { userId: string } | null;
}

/** The clinic's staff, one card each: name, e-mail, roles, state, and what can be done. */
export function StaffMembers(props: StaffMembersProps) {
  return (
    <ul className="card-list" role="list">
      {props.members.map((member) => (
        <MemberCard key={member.userId} member={member} {...props} />
      ))}
    </ul>
  );
}

function MemberCard({
  member,
  myUserId,
  nameOf,
  onChangeRoles,
  onDeactivate,
  onResetAuthenticator,
  onReactivate,
  reactivatingUserId,
  focusRequest,
}: StaffMembersProps & { member: StaffMember }) {
  const t = useT();
  const clock = useClinicClock();
  const nameId = useId();
  const roles = sortRoles(member.roles);
  const practitioner = member.practitioner;
  const firstAction = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusRequest?.userId !== member.userId) return;
    // After a dialog has closed: while it is open, the rest of the page cannot take focus.
    const timer = window.setTimeout(() => firstAction.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, [focusRequest, member.userId]);

  return (
    <li className={`card admin-member${member.active ? '' : ' admin-member--inactive'}`}>
      <div className="admin-member__main">
        <h3 id={nameId} className="admin-member__name">
          {nameOf(member)}
          {member.userId === myUserId ? (
            <span className="admin-member__you"> {t('admin.staff.you')}</span>
          ) : null}
        </h3>
        {member.email && nameOf(member) !== member.email ? (
          <p className="admin-member__email">{member.email}</p>
        ) : null}
        <p className="admin-member__tags">
          {roles.length > 0 ? (
            roles.map((role) => (
              <span key={role} className={`tag admin-role admin-role--${role}`}>
                {t(`admin.staff.roles.${role}`)}
              </span>
            ))
          ) : (
            <span className="tag">{t('admin.staff.noRoles')}</span>
          )}
          {member.active ? (
            <span className="badge badge--completed">{t('admin.staff.active')}</span>
          ) : (
            <span className="badge badge--cancelled">
              {member.deactivatedAt
                ? t('admin.staff.deactivatedAt', { date: clock.date(member.deactivatedAt) })
                : t('admin.staff.deactivated')}
            </span>
          )}
        </p>
        {practitioner ? (
          <p className="admin-member__meta">
            {t('admin.staff.shownAs', {
              name: practitioner.title
                ? `${practitioner.name}, ${practitioner.title}`
                : practitioner.name,
            })}
          </p>
        ) : null}
        <p className="admin-member__meta">
          {t('admin.staff.since', { date: clock.date(member.since) })}
        </p>
        <p className="admin-member__meta">
          {member.authenticator
            ? t('admin.staff.authenticatorOn')
            : t('admin.staff.authenticatorOff')}
        </p>
      </div>
      <div className="admin-member__actions">
        {member.active ? (
          <>
            <Button
              ref={firstAction}
              variant="secondary"
              onClick={() => onChangeRoles(member)}
              aria-describedby={nameId}
            >
              {t('admin.staff.changeRoles')}
            </Button>
            {member.authenticator ? (
              <Button
                variant="secondary"
                onClick={() => onResetAuthenticator(member)}
                aria-describedby={nameId}
              >
                {t('admin.staff.resetAuthenticator')}
              </Button>
            ) : null}
            <Button
              variant="danger-outline"
              onClick={() => onDeactivate(member)}
              aria-describedby={nameId}
            >
              {t('admin.staff.deactivate')}
            </Button>
          </>
        ) : (
          <Button
            ref={firstAction}
            variant="secondary"
            onClick={() => onReactivate(member)}
            isBusy={reactivatingUserId === member.userId}
            aria-describedby={nameId}
          >
            {t('admin.staff.reactivate')}
          </Button>
        )}
      </div>
    </li>
  );
}

/**
 * How a member is named on the page: their name, else the name patients see them by (an invited
 * practitioner who has not given their own name yet), else their e-mail address.
 */
export function memberName(member: StaffMember, fallback: string): string {
  return member.name ?? member.practitioner?.name ?? member.email ?? fallback;
}
