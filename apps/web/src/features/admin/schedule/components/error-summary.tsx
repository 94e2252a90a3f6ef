import type { Ref } from 'react';
import { useT } from '../../../../i18n';

export interface SummaryItem {
  /** Element id of the field at fault. */
  id: string;
  text: string;
}

/**
 * The list of what stops a save, at the top of a form: each entry a link that moves focus to
 * its field. Focus comes here after a failed attempt (the page passes `ref`).
 */
export function ErrorSummary({
  items,
  ref,
}: {
  items: readonly SummaryItem[];
  ref?: Ref<HTMLDivElement>;
}) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{t('adminSchedule.errorSummary')}</p>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.id}-${index}`}>
            <a
              href={`#${item.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.id)?.focus();
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
