import type { AdminPractitioner, StaffInvitation } from '@visitt/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from '../../../lib/router';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useHasOutbox } from '../../dev-outbox/api/outbox-api';
import { useInviteStaff } from '../api/admin-api';
import { useClinicClock } from '../hooks/use-clinic-clock';
import { checkInviteDraft, type InviteDraft, type StaffFormProblems } from '../staff-forms';
import { TextField } from './form-fields';
import { RoleFields } from './role-fields';

const EMPTY: InviteDraft = {
  email: '',
  roles: ['practitioner'],
  practitionerName: '',
  practitionerTitle: '',
};

const draftFor = (practitioner: AdminPractitioner | null): InviteDraft =>
  practitioner
    ? {
        email: '',
        roles: ['practitioner'],
        practitionerName: practitioner.name,
        practitionerTitle: practitioner.title ?? '',
        practitionerId: practitioner.id,
      }
    : EMPTY;

interface InviteFormProps {
  clinicId: string;
  /**
   * A practitioner without an account to invite (the form opens filled in with their name, and
   * focus goes to the e-mail field); the parent gives the form a new `key` for each choice.
   */
  forPractitioner?: AdminPractitioner | null;
}

/**
 * Invites someone by e-mail with their roles (a practitioner with the name patients will see).
 * The invitation link goes by e-mail only (the API does not return it); in the demo the message
 * is in the demo inbox, which the success message links to. Made for a practitioner without an
 * account, accepting it links the account to that practitioner.
 */
export function InviteForm({ clinicId, forPractitioner = null }: InviteFormProps) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const clock = useClinicClock();
  const hasOutbox = useHasOutbox();
  const invite = useInviteStaff(clinicId);
  const [practitioner, setPractitioner] = useState(forPractitioner);
  const [draft, setDraft] = useState<InviteDraft>(() => draftFor(forPractitioner));
  const [problems, setProblems] = useState<StaffFormProblems>({});
  const [sent, setSent] = useState<StaffInvitation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const refs = {
    email: useRef<HTMLInputElement>(null),
    roles: useRef<HTMLInputElement>(null),
    practitionerName: useRef<HTMLInputElement>(null),
    practitionerTitle: useRef<HTMLInputElement>(null),
  };

  const emailInput = refs.email;
  useEffect(() => {
    // Opened for a practitioner (the form is remounted for each): the address is what is missing.
    if (forPractitioner) emailInput.current?.focus();
  }, [forPractitioner, emailInput]);

  function forgetPractitioner() {
    setPractitioner(null);
    setDraft(EMPTY);
    setProblems({});
    refs.email.current?.focus();
  }

  function change(next: InviteDraft) {
    setDraft(next);
    setSent(null);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = checkInviteDraft(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      setSent(null);
      const first = (['email', 'roles', 'practitionerName', 'practitionerTitle'] as const).find(
        (field) => checked.problems[field],
      );
      if (first) refs[first].current?.focus();
      return;
    }
    setProblems({});
    invite.mutate(checked.body, {
      onSuccess: (invitation) => {
        setSent(invitation);
        setPractitioner(null);
        setDraft(EMPTY);
      },
      onError: (error) => {
        setSent(null);
        setFailure(
          isApiError(error, 'channel_unavailable')
            ? t('admin.staff.emailUnavailable')
            : errorMessage(error),
        );
        if (isApiError(error, 'already_member')) refs.email.current?.focus();
      },
    });
  }

  return (
    <form className="form admin-form" noValidate onSubmit={handleSubmit}>
      {practitioner ? (
        <Alert tone="info" live="none">
          <p>{t('admin.staff.invitingPractitioner', { name: practitioner.name })}</p>
          <p>
            <Button variant="ghost" onClick={forgetPractitioner}>
              {t('admin.staff.inviteSomeoneElse')}
            </Button>
          </p>
        </Alert>
      ) : null}
      <TextField
        ref={refs.email}
        type="email"
        label={t('admin.staff.email')}
        value={draft.email}
        onChange={(event) => change({ ...draft, email: event.target.value })}
        error={problems.email ? t('admin.staff.emailInvalid') : null}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <RoleFields
        draft={draft}
        onChange={(roles) => change({ ...draft, ...roles })}
        problems={problems}
        asksPractitioner={draft.roles.includes('practitioner')}
        rolesRef={refs.roles}
        practitionerNameRef={refs.practitionerName}
        practitionerTitleRef={refs.practitionerTitle}
      />
      <div aria-live="polite">
        {sent ? (
          <Alert tone="success" live="none">
            <p>
              {t('admin.staff.invited', {
                email: sent.email,
                when: clock.dateTime(sent.expiresAt),
              })}
            </p>
            {hasOutbox ? (
              <p>
                {t('admin.staff.invitedDemo')}{' '}
                <Link to="/utboks" className="text-link">
                  {t('admin.staff.openOutbox')}
                </Link>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {failure ? (
        <Alert tone="error">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <div className="admin-form__actions">
        <Button type="submit" icon="mail" isBusy={invite.isPending}>
          {t('admin.staff.invite')}
        </Button>
      </div>
    </form>
  );
}
