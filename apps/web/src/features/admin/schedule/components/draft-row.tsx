import type { ReactNode } from 'react';
import { Button } from '../../../../components/ui/button';
import { useT } from '../../../../i18n';

/**
 * One dated row of a schedule draft (an exception or a closure): a fieldset named by `title`,
 * its fields, and a **Fjern** button whose accessible name says which row it removes.
 */
export function DraftRow({
  title,
  removeLabel,
  onRemove,
  children,
}: {
  title: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <li className="sched-exception">
      <fieldset className="sched-exception__fields">
        <legend className="sched-exception__title">{title}</legend>
        {children}
        <Button
          variant="ghost"
          className="sched-remove"
          aria-label={removeLabel}
          onClick={onRemove}
        >
          {t('adminSchedule.remove')}
        </Button>
      </fieldset>
    </li>
  );
}
