import { useT } from '../../i18n';

/** A spinning ring. Decorative; pair it with text, or use {@link LoadingState}. */
export function Spinner({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}

/** A spinner with a live "Loading …" text, for a part of the page that is on its way. */
export function LoadingState({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading-state" role="status">
      <Spinner />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}
