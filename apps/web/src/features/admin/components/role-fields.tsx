import type { StaffRole } from '@visitt/contracts';
import { useId, type Ref } from 'react';
import { useT } from '../../../i18n';
import {
  PRACTITIONER_TEXT_MAX,
  toggleRole,
  type RolesDraft,
  type StaffFormProblems,
} from '../staff-forms';
import { CheckboxField, TextField } from './form-fields';

interface RoleFieldsProps {
  draft: RolesDraft;
  onChange: (draft: RolesDraft) => void;
  problems: StaffFormProblems;
  /** Ask for the name (and title) patients will see: the person becomes a practitioner here. */
  asksPractitioner: boolean;
  rolesRef?: Ref<HTMLInputElement>;
  practitionerNameRef?: Ref<HTMLInputElement>;
  practitionerTitleRef?: Ref<HTMLInputElement>;
}

/**
 * The roles of a staff member (administrator, practitioner: at least one) and, for a new
 * practitioner, the name and title patients will see. Shared by the invitation and the roles
 * forms.
 */
export function RoleFields({
  draft,
  onChange,
  problems,
  asksPractitioner,
  rolesRef,
  practitionerNameRef,
  practitionerTitleRef,
}: RoleFieldsProps) {
  const t = useT();
  const rolesErrorId = useId();
  const set = (role: StaffRole, on: boolean) =>
    onChange({ ...draft, roles: toggleRole(draft.roles, role, on) });
  const tooLong = t('admin.form.tooLong', { max: PRACTITIONER_TEXT_MAX });

  return (
    <>
      <fieldset className="choice-group admin-form__group">
        <legend>{t('admin.staff.rolesDialog.legend')}</legend>
        {problems.roles ? (
          <p id={rolesErrorId} className="field__error">
            {t('admin.staff.rolesDialog.rolesRequired')}
          </p>
        ) : null}
        <CheckboxField
          ref={rolesRef}
          label={t('admin.staff.roles.admin')}
          hint={t('admin.staff.rolesDialog.adminHint')}
          checked={draft.roles.includes('admin')}
          onChange={(on) => set('admin', on)}
          describedBy={problems.roles ? rolesErrorId : undefined}
        />
        <CheckboxField
          label={t('admin.staff.roles.practitioner')}
          hint={t('admin.staff.rolesDialog.practitionerHint')}
          checked={draft.roles.includes('practitioner')}
          onChange={(on) => set('practitioner', on)}
          describedBy={problems.roles ? rolesErrorId : undefined}
        />
      </fieldset>
      {asksPractitioner ? (
        <>
          <TextField
            ref={practitionerNameRef}
            label={t('admin.staff.rolesDialog.practitionerName')}
            hint={t('admin.staff.rolesDialog.practitionerNameHint')}
            value={draft.practitionerName}
            onChange={(event) => onChange({ ...draft, practitionerName: event.target.value })}
            error={
              problems.practitionerName === 'practitionerNameRequired'
                ? t('admin.staff.rolesDialog.practitionerNameRequired')
                : problems.practitionerName
                  ? tooLong
                  : null
            }
            required
          />
          <TextField
            ref={practitionerTitleRef}
            label={t('admin.staff.rolesDialog.practitionerTitle')}
            hint={t('admin.staff.rolesDialog.practitionerTitleHint')}
            value={draft.practitionerTitle}
            onChange={(event) => onChange({ ...draft, practitionerTitle: event.target.value })}
            error={problems.practitionerTitle ? tooLong : null}
            isOptional
          />
        </>
      ) : null}
    </>
  );
}
