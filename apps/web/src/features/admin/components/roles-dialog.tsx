import type { StaffMember } from '@visitt/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n';
import { useUpdateStaff } from '../api/admin-api';
import { checkRolesDraft, type RolesDraft, type StaffFormProblems } from '../staff-forms';
import { RoleFields } from './role-fields';

interface RolesDialogProps {
  clinicId: string;
  /** The member whose roles are changed; the dialog is open while this is non-null. */
  member: StaffMember | null;
  /** How the member is named on the page. */
  name: string;
  onClose: () => void;
  onSaved: (member: StaffMember) => void;
}

/**
 * Changes a member's roles. Someone who becomes a practitioner without a practitioner row at
 * this clinic is asked the name (and title) patients will see. The server refuses to leave the
 * clinic without an active administrator (`last_admin`).
 */
export function RolesDialog({ clinicId, member, name, onClose, onSaved }: RolesDialogProps) {
  const t = useT();
  return (
    <Dialog
      isOpen={member !== null}
      title={t('admin.staff.rolesDialog.title', { name })}
      onClose={onClose}
      actions={null}
    >
      {member ? (
        <RolesForm
          key={member.userId}
          clinicId={clinicId}
          member={member}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Dialog>
  );
}

function RolesForm({
  clinicId,
  member,
  onClose,
  onSaved,
}: Omit<RolesDialogProps, 'member' | 'name'> & { member: StaffMember }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const update = useUpdateStaff(clinicId);
  const formId = useId();
  const [draft, setDraft] = useState<RolesDraft>({
    roles: member.roles,
    practitionerName: member.name ?? '',
    practitionerTitle: '',
  });
  const [problems, setProblems] = useState<StaffFormProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const rolesRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const hasPractitioner = member.practitioner !== null;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkRolesDraft(draft, hasPractitioner);
    if (!checked.ok) {
      setProblems(checked.problems);
      (checked.problems.roles
        ? rolesRef
        : checked.problems.practitionerName
          ? nameRef
          : titleRef
      ).current?.focus();
      return;
    }
    setProblems({});
    setFailure(null);
    update.mutate(
      { userId: member.userId, body: checked.body },
      {
        onSuccess: onSaved,
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  }

  return (
    <form id={formId} className="form" noValidate onSubmit={handleSubmit}>
      <RoleFields
        draft={draft}
        onChange={setDraft}
        problems={problems}
        asksPractitioner={draft.roles.includes('practitioner') && !hasPractitioner}
        rolesRef={rolesRef}
        practitionerNameRef={nameRef}
        practitionerTitleRef={titleRef}
      />
      {failure ? (
        <Alert tone="error">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          {t('admin.form.cancel')}
        </Button>
        <Button type="submit" isBusy={update.isPending}>
          {t('admin.staff.rolesDialog.save')}
        </Button>
      </div>
    </form>
  );
}
