import type { AdminPractitioner, StaffInvitation, StaffMember } from '@visitt/contracts';
import { useRef, useState } from 'react';
import { Alert, ErrorState, useErrorMessage } from '../../components/ui/alert';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { LoadingState } from '../../components/ui/spinner';
import {
  useInviteStaff,
  useResetAuthenticator,
  useRevokeInvitation,
  useStaffOverview,
  useUpdateStaff,
} from '../../features/admin/api/admin-api';
import { AdminPage } from '../../features/admin/components/admin-page';
import { DeactivateDialog } from '../../features/admin/components/deactivate-dialog';
import { InviteForm } from '../../features/admin/components/invite-form';
import { RolesDialog } from '../../features/admin/components/roles-dialog';
import { StaffInvitations } from '../../features/admin/components/staff-invitations';
import { UnlinkedPractitioners } from '../../features/admin/components/unlinked-practitioners';
import { memberName, StaffMembers } from '../../features/admin/components/staff-members';
import { useAdminContext } from '../../features/admin/hooks/use-admin-context';
import { useClinicClock } from '../../features/admin/hooks/use-clinic-clock';
import { useMe } from '../../features/auth/hooks/use-me';
import { useT } from '../../i18n';

type Notice = { tone: 'success' | 'error'; text: string } | null;

/**
 * `/admin/:clinicId/ansatte`: the staff with their roles (change them, deactivate — sessions end
 * at once — or reactivate), the invitations waiting for an answer (withdraw, send again), and a
 * form to invite someone. Outcomes are announced next to the list they changed.
 */
export function AdminStaffPage() {
  const t = useT();
  const errorMessage = useErrorMessage();
  const clock = useClinicClock();
  const { clinicId } = useAdminContext();
  const { me } = useMe();
  const overview = useStaffOverview(clinicId);
  const update = useUpdateStaff(clinicId);
  const revoke = useRevokeInvitation(clinicId);
  const resend = useInviteStaff(clinicId);
  const [rolesFor, setRolesFor] = useState<StaffMember | null>(null);
  const [deactivateFor, setDeactivateFor] = useState<StaffMember | null>(null);
  const [resetFor, setResetFor] = useState<StaffMember | null>(null);
  const resetAuthenticator = useResetAuthenticator(clinicId);
  const [memberNotice, setMemberNotice] = useState<Notice>(null);
  const [invitationNotice, setInvitationNotice] = useState<Notice>(null);
  const [busyInvitation, setBusyInvitation] = useState<string | null>(null);
  const [focusMember, setFocusMember] = useState<{ userId: string } | null>(null);
  // A new object per "Inviter": the invitation form is opened afresh, filled in for them.
  const [inviteFor, setInviteFor] = useState<{ practitioner: AdminPractitioner; n: number } | null>(
    null,
  );
  const invitationsHeading = useRef<HTMLHeadingElement>(null);
  const nameOf = (member: StaffMember) => memberName(member, t('admin.staff.noName'));

  function handleReactivate(member: StaffMember) {
    setMemberNotice(null);
    update.mutate(
      { userId: member.userId, body: { active: true } },
      {
        onSuccess: (saved) => {
          setMemberNotice({
            tone: 'success',
            text: t('admin.staff.reactivatedDone', { name: nameOf(saved) }),
          });
          setFocusMember({ userId: saved.userId });
        },
        onError: (error) => setMemberNotice({ tone: 'error', text: errorMessage(error) }),
      },
    );
  }

  function handleRevoke(invitation: StaffInvitation) {
    setInvitationNotice(null);
    setBusyInvitation(invitation.id);
    revoke.mutate(invitation.id, {
      onSuccess: () => {
        setInvitationNotice({
          tone: 'success',
          text: t('admin.staff.revoked', { email: invitation.email }),
        });
        // The card (and its button) is gone: focus goes to the list's heading.
        invitationsHeading.current?.focus();
      },
      onError: (error) => setInvitationNotice({ tone: 'error', text: errorMessage(error) }),
      onSettled: () => setBusyInvitation(null),
    });
  }

  function handleResend(invitation: StaffInvitation) {
    setInvitationNotice(null);
    setBusyInvitation(invitation.id);
    resend.mutate(
      {
        email: invitation.email,
        roles: invitation.roles,
        ...(invitation.practitionerName ? { practitionerName: invitation.practitionerName } : {}),
        ...(invitation.practitionerTitle
          ? { practitionerTitle: invitation.practitionerTitle }
          : {}),
        ...(invitation.practitionerId ? { practitionerId: invitation.practitionerId } : {}),
      },
      {
        onSuccess: (sent) => {
          setInvitationNotice({
            tone: 'success',
            text: t('admin.staff.invited', {
              email: sent.email,
              when: clock.dateTime(sent.expiresAt),
            }),
          });
          invitationsHeading.current?.focus();
        },
        onError: (error) => setInvitationNotice({ tone: 'error', text: errorMessage(error) }),
        onSettled: () => setBusyInvitation(null),
      },
    );
  }

  return (
    <AdminPage title={t('admin.staff.title')}>
      <p className="lead">{t('admin.staff.intro')}</p>
      {overview.isPending ? (
        <LoadingState />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <section className="section" aria-labelledby="admin-staff-members">
            <h2 id="admin-staff-members" className="section__title">
              {t('admin.staff.membersTitle')}
            </h2>
            <NoticeRegion notice={memberNotice} />
            <StaffMembers
              members={overview.data.members}
              myUserId={me?.id ?? ''}
              nameOf={nameOf}
              onChangeRoles={(member) => {
                setMemberNotice(null);
                setRolesFor(member);
              }}
              onDeactivate={(member) => {
                setMemberNotice(null);
                setDeactivateFor(member);
              }}
              onResetAuthenticator={(member) => {
                setMemberNotice(null);
                resetAuthenticator.reset();
                setResetFor(member);
              }}
              onReactivate={handleReactivate}
              reactivatingUserId={update.isPending ? (update.variables?.userId ?? null) : null}
              focusRequest={focusMember}
            />
          </section>

          <section className="section" aria-labelledby="admin-staff-invitations">
            <h2
              id="admin-staff-invitations"
              ref={invitationsHeading}
              tabIndex={-1}
              className="section__title focus-target"
            >
              {t('admin.staff.invitationsTitle')}
            </h2>
            <NoticeRegion notice={invitationNotice} />
            <StaffInvitations
              invitations={overview.data.invitations}
              onRevoke={handleRevoke}
              onResend={handleResend}
              busyId={busyInvitation}
            />
          </section>

          <section className="section" aria-labelledby="admin-staff-unlinked">
            <h2 id="admin-staff-unlinked" className="section__title">
              {t('admin.staff.withoutAccountTitle')}
            </h2>
            <p className="field__hint">{t('admin.staff.withoutAccountIntro')}</p>
            <UnlinkedPractitioners
              practitioners={overview.data.practitioners.filter((p) => p.userId === null)}
              invitations={overview.data.invitations}
              onInvite={(practitioner) =>
                setInviteFor((previous) => ({ practitioner, n: (previous?.n ?? 0) + 1 }))
              }
            />
          </section>

          <section className="section card admin-invite" aria-labelledby="admin-staff-invite">
            <h2 id="admin-staff-invite" className="section__title">
              {t('admin.staff.inviteTitle')}
            </h2>
            <p className="field__hint admin-invite__intro">{t('admin.staff.inviteIntro')}</p>
            <InviteForm
              key={inviteFor?.n ?? 0}
              clinicId={clinicId}
              forPractitioner={inviteFor?.practitioner ?? null}
            />
          </section>
        </>
      )}

      <RolesDialog
        clinicId={clinicId}
        member={rolesFor}
        name={rolesFor ? nameOf(rolesFor) : ''}
        onClose={() => setRolesFor(null)}
        onSaved={(saved) => {
          setRolesFor(null);
          setMemberNotice({
            tone: 'success',
            text: t('admin.staff.rolesSaved', { name: nameOf(saved) }),
          });
        }}
      />
      <DeactivateDialog
        clinicId={clinicId}
        member={deactivateFor}
        name={deactivateFor ? nameOf(deactivateFor) : ''}
        onClose={() => setDeactivateFor(null)}
        onDone={(saved) => {
          setDeactivateFor(null);
          setMemberNotice({
            tone: 'success',
            text: t('admin.staff.deactivatedDone', { name: nameOf(saved) }),
          });
          setFocusMember({ userId: saved.userId });
        }}
      />
      <ConfirmDialog
        isOpen={resetFor !== null}
        title={t('admin.staff.resetAuthenticatorDialog.title', {
          name: resetFor ? nameOf(resetFor) : '',
        })}
        onClose={() => {
          if (!resetAuthenticator.isPending) setResetFor(null);
        }}
        onConfirm={() => {
          if (!resetFor || resetAuthenticator.isPending) return;
          resetAuthenticator.mutate(resetFor.userId, {
            onSuccess: (saved) => {
              setResetFor(null);
              setMemberNotice({
                tone: 'success',
                text: t('admin.staff.authenticatorResetDone', { name: nameOf(saved) }),
              });
              setFocusMember({ userId: saved.userId });
            },
          });
        }}
        keepLabel={t('admin.form.cancel')}
        confirmLabel={t('admin.staff.resetAuthenticatorDialog.confirm')}
        busyLabel={t('admin.staff.resetAuthenticatorDialog.busy')}
        isBusy={resetAuthenticator.isPending}
        error={resetAuthenticator.error}
      >
        <p>
          {t('admin.staff.resetAuthenticatorDialog.text', {
            name: resetFor ? nameOf(resetFor) : '',
          })}
        </p>
      </ConfirmDialog>
    </AdminPage>
  );
}

/** A polite live region that shows the last outcome (kept in the page so it is announced). */
function NoticeRegion({ notice }: { notice: Notice }) {
  return (
    <div aria-live="polite" className="admin-notice">
      {notice ? (
        <Alert tone={notice.tone} live="none">
          <p>{notice.text}</p>
        </Alert>
      ) : null}
    </div>
  );
}
