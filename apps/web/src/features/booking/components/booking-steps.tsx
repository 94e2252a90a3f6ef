import { Link } from '../../../lib/router';
import { useShell } from '../../../app/layouts/shell-context';
import { useT, type TranslationKey } from '../../../i18n';
import { bookingPath, type BookingChoice } from '../booking-path';

const steps = [
  { key: 'clinic', label: 'booking.steps.clinic' },
  { key: 'practitioner', label: 'booking.steps.practitioner' },
  { key: 'type', label: 'booking.steps.type' },
  { key: 'time', label: 'booking.steps.time' },
  { key: 'confirm', label: 'booking.steps.confirm' },
] as const satisfies readonly { key: string; label: TranslationKey }[];

export type BookingStepKey = (typeof steps)[number]['key'];

function stepHref(key: BookingStepKey, choice: BookingChoice): string | null {
  switch (key) {
    case 'clinic':
      return `/klinikk/${encodeURIComponent(choice.clinicId)}`;
    case 'practitioner':
      return bookingPath('behandler', choice);
    case 'type':
      return bookingPath('type', choice);
    case 'time':
      return bookingPath('tid', choice);
    case 'confirm':
      return null;
  }
}

/**
 * Where the patient is in the booking: "Steg 3 av 5" and the list of steps, the finished ones
 * as links back. Compact in the app, a full row in the portal.
 */
export function BookingSteps({
  current,
  choice,
}: {
  current: BookingStepKey;
  choice?: BookingChoice;
}) {
  const t = useT();
  const { isWide } = useShell();
  const index = steps.findIndex((step) => step.key === current);
  const label = t('booking.stepOf', { current: index + 1, total: steps.length });

  return (
    <nav
      className={`steps ${isWide ? 'steps--wide' : 'steps--compact'}`}
      aria-label={t('booking.stepsLabel')}
    >
      <p className="steps__count">
        {label}
        {isWide ? null : (
          <span className="steps__current">
            : {t(steps[index]?.label ?? 'booking.steps.clinic')}
          </span>
        )}
      </p>
      {isWide ? (
        <ol className="steps__list">
          {steps.map((step, i) => {
            const state = i < index ? 'done' : i === index ? 'current' : 'todo';
            const href = state === 'done' && choice ? stepHref(step.key, choice) : null;
            const content = (
              <>
                <span className="steps__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="steps__label">{t(step.label)}</span>
                {state === 'done' ? (
                  <span className="visually-hidden"> ({t('booking.stepDone')})</span>
                ) : null}
              </>
            );
            return (
              <li
                key={step.key}
                className={`steps__item steps__item--${state}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                {href ? (
                  <Link to={href} className="steps__link">
                    {content}
                  </Link>
                ) : (
                  <span className="steps__link">{content}</span>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <div className="steps__bar" aria-hidden="true">
          {steps.map((step, i) => (
            <span
              key={step.key}
              className={`steps__segment${i <= index ? ' steps__segment--on' : ''}`}
            />
          ))}
        </div>
      )}
    </nav>
  );
}
