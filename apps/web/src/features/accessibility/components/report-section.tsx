import { ACCESSIBILITY_PAGE_MAX_LENGTH, ACCESSIBILITY_REPORT_MAX_LENGTH } from '@visitt/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, ErrorState } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { LoadingState } from '../../../components/ui/spinner';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useAccessibilityContact, useSendAccessibilityReport } from '../api/accessibility-api';
import {
  REPORT_FIELDS,
  checkReport,
  serverProblems,
  type ReportField,
  type ReportProblems,
  type ReportValues,
} from '../report-form';
import { UUTILSYNET_URL, type StatementTexts } from '../statement-texts';
import { fill, fillText } from './fill';

type ReportTexts = StatementTexts['report'];

/** Where the live counter speaks up: quiet while typing, then at these many characters left. */
const ANNOUNCE_AT = [100, 50, 20, 10, 0];

const EMPTY: ReportValues = { text: '', page: '', email: '' };

/**
 * "Si fra om et problem": the operator's address to write to, and the form that e-mails a report
 * there. Without an address it says so and points to the clinic and to Tilsynet; with an address
 * but no way to send (no e-mail on the server) it offers the address alone.
 */
export function ReportSection({
  texts,
  tilsynetName,
}: {
  texts: ReportTexts;
  /** Tilsynet's name in the page's language, for the link. */
  tilsynetName: string;
}) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {texts.title}
      </h2>
      <p>{texts.intro}</p>
      <ReportContact texts={texts} tilsynetName={tilsynetName} />
    </section>
  );
}

/** The address to write to and the form, or why there is none, once the address is known. */
function ReportContact({ texts, tilsynetName }: { texts: ReportTexts; tilsynetName: string }) {
  const contact = useAccessibilityContact();
  if (contact.isPending) return <LoadingState label={texts.loading} />;
  if (contact.isError)
    return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  const { email, acceptsReports } = contact.data;
  if (email === null)
    return (
      <Alert tone="info">
        <p>
          {fill(texts.noContact, {
            link: (
              <a className="text-link" href={UUTILSYNET_URL}>
                {tilsynetName}
              </a>
            ),
          })}
        </p>
      </Alert>
    );
  const mailto = (
    <a className="text-link" href={`mailto:${email}`}>
      {email}
    </a>
  );
  if (!acceptsReports)
    return (
      <Alert tone="info">
        <p>{fill(texts.formUnavailable, { email: mailto })}</p>
      </Alert>
    );
  return (
    <>
      <p>{fill(texts.emailUs, { email: mailto })}</p>
      <ReportForm texts={texts} contactEmail={email} />
    </>
  );
}

/**
 * The report: what the problem is (required), which page or what the person was doing, and an
 * address for an answer. Checked as the server checks it; problems are shown under each field,
 * linked to it, and focus moves to the first field with one. A sent report is confirmed in a
 * status message and the form is emptied for the next one.
 */
function ReportForm({ texts, contactEmail }: { texts: ReportTexts; contactEmail: string }) {
  const t = useT();
  const send = useSendAccessibilityReport();
  const baseId = useId();
  const [values, setValues] = useState<ReportValues>(EMPTY);
  const [problems, setProblems] = useState<ReportProblems>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [sent, setSent] = useState<{ replyTo: string | null } | null>(null);
  const inputs = useRef<
    Partial<Record<ReportField, HTMLInputElement | HTMLTextAreaElement | null>>
  >({});
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    const first = REPORT_FIELDS.find((field) => problems[field]);
    if (first) inputs.current[first]?.focus();
  }, [focusRequest, problems]);

  const ids = Object.fromEntries(
    REPORT_FIELDS.map((field) => [
      field,
      {
        input: `${baseId}-${field}`,
        hint: `${baseId}-${field}-hint`,
        error: `${baseId}-${field}-error`,
        counter: `${baseId}-${field}-counter`,
      },
    ]),
  ) as Record<ReportField, { input: string; hint: string; error: string; counter: string }>;

  function problemText(field: ReportField): string | null {
    const problem = problems[field];
    if (!problem) return null;
    const max = field === 'page' ? ACCESSIBILITY_PAGE_MAX_LENGTH : ACCESSIBILITY_REPORT_MAX_LENGTH;
    return fillText(texts[problem], { max });
  }

  function describedBy(field: ReportField, ...extra: string[]): string | undefined {
    const parts = [...extra, ...(problems[field] ? [ids[field].error] : [])];
    return parts.length > 0 ? parts.join(' ') : undefined;
  }

  function update(field: ReportField, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending) return;
    setServerError(null);
    setSent(null);
    const checked = checkReport(values);
    if (!checked.ok) {
      setProblems(checked.problems);
      setFocusRequest((n) => n + 1);
      return;
    }
    setProblems({});
    send.mutate(checked.body, {
      onSuccess: () => {
        setValues(EMPTY);
        setSent({ replyTo: checked.body.email ?? null });
      },
      onError: (error) => {
        const found = isApiError(error, 'validation_failed') ? serverProblems(error.issues) : null;
        if (found) {
          setProblems(found);
          setFocusRequest((n) => n + 1);
        } else if (isApiError(error, 'channel_unavailable')) {
          setServerError(fillText(texts.notSent, { email: contactEmail }));
        } else {
          setServerError(isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected'));
        }
      },
    });
  }

  const left = ACCESSIBILITY_REPORT_MAX_LENGTH - values.text.length;
  const announced = ANNOUNCE_AT.find((mark) => left <= mark && left > mark - 5);

  return (
    <form onSubmit={handleSubmit} noValidate>
      <div className="field">
        <label htmlFor={ids.text.input} className="field__label">
          {texts.textLabel}
        </label>
        <p id={ids.text.hint} className="field__hint">
          {texts.textHint}
        </p>
        <textarea
          ref={(element) => {
            inputs.current.text = element;
          }}
          id={ids.text.input}
          name="text"
          className="input textarea"
          rows={6}
          maxLength={ACCESSIBILITY_REPORT_MAX_LENGTH}
          required
          value={values.text}
          onChange={(event) => update('text', event.target.value)}
          aria-invalid={problems.text ? true : undefined}
          aria-describedby={describedBy('text', ids.text.hint, ids.text.counter)}
        />
        <p id={ids.text.counter} className={`field__counter${left <= 20 ? ' is-low' : ''}`}>
          {fillText(texts.charsLeft, { count: left })}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {announced != null ? fillText(texts.charsLeft, { count: left }) : ''}
        </p>
        {problems.text ? (
          <p id={ids.text.error} className="field__error">
            {problemText('text')}
          </p>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={ids.page.input} className="field__label">
          {texts.pageLabel}
        </label>
        <input
          ref={(element) => {
            inputs.current.page = element;
          }}
          id={ids.page.input}
          name="page"
          className="input"
          type="text"
          maxLength={ACCESSIBILITY_PAGE_MAX_LENGTH}
          value={values.page}
          onChange={(event) => update('page', event.target.value)}
          aria-invalid={problems.page ? true : undefined}
          aria-describedby={describedBy('page')}
        />
        {problems.page ? (
          <p id={ids.page.error} className="field__error">
            {problemText('page')}
          </p>
        ) : null}
      </div>

      <div className="field">
        <label htmlFor={ids.email.input} className="field__label">
          {texts.emailLabel}
        </label>
        <p id={ids.email.hint} className="field__hint">
          {texts.emailHint}
        </p>
        <input
          ref={(element) => {
            inputs.current.email = element;
          }}
          id={ids.email.input}
          name="email"
          className="input"
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          maxLength={254}
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          aria-invalid={problems.email ? true : undefined}
          aria-describedby={describedBy('email', ids.email.hint)}
        />
        {problems.email ? (
          <p id={ids.email.error} className="field__error">
            {problemText('email')}
          </p>
        ) : null}
      </div>

      {serverError ? (
        <Alert tone="error" className="alert--spaced">
          <p>{serverError}</p>
        </Alert>
      ) : null}
      {/* In the page from the start, so the confirmation is announced when it comes. */}
      <div role="status">
        {sent ? (
          <Alert tone="success" live="none" className="alert--spaced">
            <p>{texts.sent}</p>
            <p>
              {sent.replyTo
                ? fillText(texts.sentReply, { email: sent.replyTo })
                : texts.sentNoReply}
            </p>
          </Alert>
        ) : null}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary" isBusy={send.isPending}>
          {send.isPending ? texts.sending : texts.submit}
        </Button>
      </div>
    </form>
  );
}
