import { GUEST_ROLES } from '@visitt/domain';
import type { GuestRole, InvitedGuest } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useCopy } from '../../auth/hooks/use-copy';
import { formatPhoneNumber } from '../../notifications/contact-format';
import { useInviteGuest } from '../api/guests-api';
import {
  checkInvite,
  GUEST_NAME_MAX_LENGTH,
  INVITE_FIELDS,
  serverProblems,
  type GuestDelivery,
  type InviteField,
  type InviteProblem,
  type InviteProblems,
  type InviteValues,
} from '../invite-form';

const DELIVERIES = ['sms', 'email', 'link'] as const satisfies readonly GuestDelivery[];

const EMPTY: InviteValues = { name: '', role: null, delivery: 'sms', phone: '', email: '' };

/**
 * **Inviter gjest**: name, role and how the guest gets the link (SMS, e-mail, or copied by the
 * practitioner). Problems are said under each field and focus moves to the first; the server's
 * refusals are said in words. After success the dialog says where the invitation went, or shows
 * the link (only this once) with **Kopier lenken**.
 */
export function InviteGuestDialog({
  appointmentId,
  isOpen,
  onClose,
}: {
  appointmentId: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const invite = useInviteGuest(appointmentId);
  const { copy, status: copyStatus } = useCopy();
  const ids = {
    form: useId(),
    window: useId(),
    name: useId(),
    nameHint: useId(),
    roleGroup: useId(),
    phone: useId(),
    phoneHint: useId(),
    email: useId(),
    link: useId(),
  };
  const radioName = { role: useId(), delivery: useId() };
  const [values, setValues] = useState<InviteValues>(EMPTY);
  const [problems, setProblems] = useState<InviteProblems>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [invited, setInvited] = useState<InvitedGuest | null>(null);
  // A new object each time, so the same field is focused again after a second failed attempt.
  const [focusRequest, setFocusRequest] = useState<{ field: InviteField } | null>(null);
  const inputs = useRef<Partial<Record<InviteField, HTMLInputElement | null>>>({});
  const resultRef = useRef<HTMLParagraphElement>(null);
  const { reset } = invite;

  useEffect(() => {
    if (!isOpen) return;
    setValues(EMPTY);
    setProblems({});
    setServerError(null);
    setInvited(null);
    reset();
    // The dialog has opened by now (its effect runs first): on to the first field.
    inputs.current.name?.focus();
  }, [isOpen]);

  useEffect(() => {
    if (focusRequest) inputs.current[focusRequest.field]?.focus();
  }, [focusRequest]);

  useEffect(() => {
    // The form is gone: focus goes to what replaced it, so it is read out and not lost.
    if (invited) resultRef.current?.focus();
  }, [invited]);

  function update(change: Partial<InviteValues>) {
    setValues((current) => ({ ...current, ...change }));
  }

  function showProblems(found: InviteProblems) {
    setProblems(found);
    const first = INVITE_FIELDS.find((field) => found[field]);
    if (first) setFocusRequest({ field: first });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (invite.isPending) return;
    setServerError(null);
    const checked = checkInvite(values);
    if (!checked.ok) {
      showProblems(checked.problems);
      return;
    }
    setProblems({});
    invite.mutate(checked.body, {
      onSuccess: (guest) => setInvited(guest),
      onError: (error) => {
        const found = isApiError(error, 'validation_failed')
          ? serverProblems(error.issues, values.delivery)
          : isApiError(error, 'sms_country_not_allowed')
            ? { phone: { key: 'errors.sms_country_not_allowed' } satisfies InviteProblem }
            : null;
        if (found) showProblems(found);
        else if (isApiError(error, 'channel_unavailable'))
          setServerError(t('guests.form.channelUnavailable'));
        else if (isApiError(error, 'too_late')) setServerError(t('guests.form.tooLate'));
        else setServerError(errorMessage(error));
      },
    });
  }

  const problemText = (field: InviteField) => {
    const problem = problems[field];
    return problem ? t(problem.key, problem.vars) : null;
  };
  const errorId = (field: InviteField) => `${ids.form}-${field}-error`;
  const describedBy = (...parts: (string | false | null)[]) =>
    parts.filter(Boolean).join(' ') || undefined;
  const isLink = values.delivery === 'link';

  const fieldError = (field: InviteField) => {
    const text = problemText(field);
    return text ? (
      <p id={errorId(field)} className="field__error">
        {text}
      </p>
    ) : null;
  };

  const actions = invited ? (
    <Button onClick={onClose}>{t('guests.form.close')}</Button>
  ) : (
    <>
      <Button variant="secondary" onClick={onClose}>
        {t('guests.form.cancel')}
      </Button>
      <Button
        type="submit"
        form={ids.form}
        isBusy={invite.isPending}
        aria-disabled={invite.isPending || undefined}
      >
        {invite.isPending
          ? t(isLink ? 'guests.form.creating' : 'guests.form.sending')
          : t(isLink ? 'guests.form.create' : 'guests.form.send')}
      </Button>
    </>
  );

  return (
    <Dialog
      isOpen={isOpen}
      title={t('guests.form.title')}
      onClose={onClose}
      describedBy={ids.window}
      actions={actions}
    >
      <p id={ids.window} className="guests-window">
        {t('guests.form.window')}
      </p>
      {invited ? (
        <InviteResult
          invited={invited}
          linkId={ids.link}
          resultRef={resultRef}
          copyStatus={copyStatus}
          onCopy={() => copy(invited.link)}
        />
      ) : (
        <form id={ids.form} className="guests-form" onSubmit={handleSubmit} noValidate>
          {serverError ? (
            <Alert tone="error">
              <p>{serverError}</p>
            </Alert>
          ) : null}
          <div className="field">
            <label htmlFor={ids.name} className="field__label">
              {t('guests.form.name')}
            </label>
            <p id={ids.nameHint} className="field__hint">
              {t('guests.form.nameHint')}
            </p>
            {fieldError('name')}
            <input
              ref={(element) => {
                inputs.current.name = element;
              }}
              id={ids.name}
              className="input"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={GUEST_NAME_MAX_LENGTH}
              required
              value={values.name}
              onChange={(event) => update({ name: event.target.value })}
              aria-invalid={problems.name ? true : undefined}
              aria-describedby={describedBy(ids.nameHint, !!problems.name && errorId('name'))}
            />
          </div>

          <fieldset
            id={ids.roleGroup}
            className="choice-list guests-choices"
            aria-describedby={problems.role ? errorId('role') : undefined}
          >
            <legend>{t('guests.form.role')}</legend>
            {fieldError('role')}
            {GUEST_ROLES.map((role: GuestRole, index) => (
              <label key={role} className="choice">
                <input
                  ref={
                    index === 0
                      ? (element) => {
                          inputs.current.role = element;
                        }
                      : undefined
                  }
                  type="radio"
                  name={radioName.role}
                  value={role}
                  checked={values.role === role}
                  aria-invalid={problems.role ? true : undefined}
                  onChange={() => {
                    update({ role });
                    setProblems(({ role: _, ...rest }) => rest);
                  }}
                />
                <span>{t(`guests.roleLabels.${role}`)}</span>
              </label>
            ))}
          </fieldset>

          <fieldset className="choice-list guests-choices">
            <legend>{t('guests.form.delivery')}</legend>
            {DELIVERIES.map((delivery) => (
              <label key={delivery} className="choice">
                <input
                  type="radio"
                  name={radioName.delivery}
                  value={delivery}
                  checked={values.delivery === delivery}
                  onChange={() => {
                    update({ delivery });
                    setProblems(({ phone: _p, email: _e, ...rest }) => rest);
                  }}
                />
                <span>{t(`guests.form.deliveryOptions.${delivery}`)}</span>
              </label>
            ))}
          </fieldset>

          {values.delivery === 'sms' ? (
            <div className="field guests-address">
              <label htmlFor={ids.phone} className="field__label">
                {t('guests.form.phone')}
              </label>
              <p id={ids.phoneHint} className="field__hint">
                {t('guests.form.phoneHint')}
              </p>
              {fieldError('phone')}
              <input
                ref={(element) => {
                  inputs.current.phone = element;
                }}
                id={ids.phone}
                className="input"
                type="tel"
                inputMode="tel"
                autoComplete="off"
                required
                value={values.phone}
                onChange={(event) => update({ phone: event.target.value })}
                aria-invalid={problems.phone ? true : undefined}
                aria-describedby={describedBy(ids.phoneHint, !!problems.phone && errorId('phone'))}
              />
            </div>
          ) : values.delivery === 'email' ? (
            <div className="field guests-address">
              <label htmlFor={ids.email} className="field__label">
                {t('guests.form.email')}
              </label>
              {fieldError('email')}
              <input
                ref={(element) => {
                  inputs.current.email = element;
                }}
                id={ids.email}
                className="input"
                type="email"
                inputMode="email"
                autoComplete="off"
                spellCheck={false}
                required
                value={values.email}
                onChange={(event) => update({ email: event.target.value })}
                aria-invalid={problems.email ? true : undefined}
                aria-describedby={describedBy(!!problems.email && errorId('email'))}
              />
            </div>
          ) : null}
        </form>
      )}
    </Dialog>
  );
}

/** Where the invitation went, or the link to copy (shown only in the answer to the invitation). */
function InviteResult({
  invited,
  linkId,
  resultRef,
  copyStatus,
  onCopy,
}: {
  invited: InvitedGuest;
  linkId: string;
  resultRef: RefObject<HTMLParagraphElement | null>;
  copyStatus: string;
  onCopy: () => void;
}) {
  const t = useT();
  if (invited.delivery !== 'link') {
    const to =
      invited.delivery === 'sms'
        ? formatPhoneNumber(invited.sentTo ?? '').replace(/ /g, '\u00a0')
        : (invited.sentTo ?? '');
    return (
      <p ref={resultRef} className="guests-result focus-target" tabIndex={-1}>
        {t('guests.form.sent', { to })}
      </p>
    );
  }
  return (
    <div className="guests-result">
      <p ref={resultRef} className="focus-target" tabIndex={-1}>
        {t('guests.form.linkReady', { name: invited.name })} {t('guests.form.linkOnce')}
      </p>
      <div className="field">
        <label htmlFor={linkId} className="field__label">
          {t('guests.form.link', { name: invited.name })}
        </label>
        <div className="guests-link">
          <input
            id={linkId}
            className="input guests-link__input"
            type="text"
            readOnly
            value={invited.link}
            onFocus={(event) => event.target.select()}
          />
          <Button variant="secondary" onClick={onCopy}>
            {t('guests.form.copy')}
          </Button>
        </div>
      </div>
      <p className="copy-status" role="status">
        {copyStatus}
      </p>
    </div>
  );
}
