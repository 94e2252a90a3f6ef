import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { isApiError, isWorthRetrying } from '../../lib/api';
import { Button } from './button';
import { Icon } from './icon';

type Tone = 'error' | 'warning' | 'info' | 'success';

const icons = { error: 'alert', warning: 'alert', info: 'info', success: 'check' } as const;

interface AlertProps {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  /**
   * `alert` announces at once (errors that need attention), `status` politely, `none` not at
   * all (static notes present when the page loads).
   */
  live?: 'alert' | 'status' | 'none';
  className?: string;
  id?: string;
}

/** A boxed message: an error, a warning, a note or a success. */
export function Alert({
  tone = 'info',
  title,
  children,
  live = tone === 'error' ? 'alert' : 'none',
  className,
  id,
}: AlertProps) {
  const role = live === 'none' ? undefined : live;
  return (
    <div className={`alert alert--${tone}${className ? ` ${className}` : ''}`} role={role} id={id}>
      <Icon name={icons[tone]} className="alert__icon" />
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** The translated message for an error from the API (or the network). */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => (isApiError(error) ? t(`errors.${error.code}`) : t('errors.unexpected'));
}

/** An error from a failed read, with a "Try again" button unless trying again cannot help (404). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = useErrorMessage();
  return (
    <Alert tone="error">
      <p>{message(error)}</p>
      {onRetry && isWorthRetrying(error) ? (
        <Button variant="secondary" onClick={onRetry} className="alert__action">
          {t('app.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
