import { COMMENT_MAX_LENGTH } from '@visitt/contracts';
import { useId } from 'react';
import { useT } from '../../../i18n';

/** Where the live counter speaks up: quiet while typing, then at these many characters left. */
const ANNOUNCE_AT = [100, 50, 20, 10, 0];

/** The optional plain-text comment for the practitioner, with a live character counter. */
export function CommentField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useT();
  const ids = { field: useId(), hint: useId(), counter: useId() };
  const left = COMMENT_MAX_LENGTH - value.length;
  const announced = ANNOUNCE_AT.find((mark) => left <= mark && left > mark - 5);
  return (
    <div className="field">
      <label htmlFor={ids.field} className="field__label">
        {t('booking.commentLabel')}
      </label>
      <p id={ids.hint} className="field__hint">
        {t('booking.commentHint', { max: COMMENT_MAX_LENGTH })}
      </p>
      <textarea
        id={ids.field}
        className="input textarea"
        rows={4}
        maxLength={COMMENT_MAX_LENGTH}
        value={value}
        onChange={(event) => onChange(event.target.value.slice(0, COMMENT_MAX_LENGTH))}
        aria-describedby={`${ids.hint} ${ids.counter}`}
      />
      <p id={ids.counter} className={`field__counter${left <= 20 ? ' is-low' : ''}`}>
        {t('booking.charsLeft', { count: left })}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announced != null ? t('booking.charsLeft', { count: left }) : ''}
      </p>
    </div>
  );
}
