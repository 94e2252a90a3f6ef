import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT, type TranslationKey } from '../../../i18n';
import { usePush, type PushStatus } from '../hooks/use-push';

type Audience = 'patient' | 'staff';

/** What the state line says, per audience (staff hear about waiting patients, not reminders). */
const stateText: Record<Audience, Record<PushStatus, TranslationKey>> = {
  patient: {
    checking: 'push.checking',
    unsupported: 'push.unsupported',
    'install-first': 'push.installFirst',
    denied: 'push.denied',
    unavailable: 'push.unavailable',
    off: 'push.off',
    on: 'push.on',
  },
  staff: {
    checking: 'push.checking',
    unsupported: 'push.staff.unsupported',
    'install-first': 'push.installFirst',
    denied: 'push.denied',
    unavailable: 'push.unavailable',
    off: 'push.staff.off',
    on: 'push.staff.on',
  },
};

const enableLabel: Record<Audience, TranslationKey> = {
  patient: 'push.enable',
  staff: 'push.staff.enable',
};

/**
 * Turns Web Push on or off for this device and says where it stands: on, off, blocked by the
 * browser, not available, or (iPhone/iPad in a tab) available once added to the home screen.
 * Changes are announced politely; focus stays on the button, or moves to the state line when
 * the button goes away. `onChange` is called after the user turned it on or off.
 */
export function PushToggle({ audience, onChange }: { audience: Audience; onChange?: () => void }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const push = usePush();
  const stateId = useId();
  const stateLine = useRef<HTMLParagraphElement>(null);
  const wasPressed = useRef(false);

  const canEnable = push.status === 'off' || push.status === 'unavailable';
  const canDisable = push.status === 'on';
  const hasButton = canEnable || canDisable;

  useEffect(() => {
    if (wasPressed.current && !hasButton) stateLine.current?.focus();
  }, [hasButton]);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  useEffect(() => {
    // Only the user's own presses: the first check on load changes the status too.
    if (wasPressed.current && !push.isBusy) onChangeRef.current?.();
  }, [push.status, push.isBusy]);

  const handlePress = () => {
    wasPressed.current = true;
    if (canDisable) push.disable();
    else push.enable();
  };

  return (
    <div className={`push-toggle push-toggle--${audience} push-toggle--${push.status}`}>
      <p
        id={stateId}
        ref={stateLine}
        tabIndex={-1}
        className="push-toggle__state focus-target"
        role="status"
      >
        {push.status === 'on' ? <Icon name="bell" /> : null}
        <span>{t(stateText[audience][push.status])}</span>
        {push.wasDismissed ? <span> {t('push.dismissed')}</span> : null}
      </p>
      {push.error ? (
        <Alert tone="error" className="push-toggle__error">
          <p>{errorMessage(push.error)}</p>
        </Alert>
      ) : null}
      {hasButton ? (
        <Button
          variant={canDisable ? 'ghost' : 'secondary'}
          icon="bell"
          onClick={handlePress}
          isBusy={push.isBusy}
          aria-describedby={stateId}
        >
          {canDisable
            ? push.isBusy
              ? t('push.disabling')
              : t('push.disable')
            : push.isBusy
              ? t('push.enabling')
              : push.status === 'unavailable'
                ? t('push.retry')
                : t(enableLabel[audience])}
        </Button>
      ) : null}
    </div>
  );
}

/**
 * The patients' push section (on the Varsler page): push on this device, with what it brings.
 * `children` come between the intro and the toggle (what the server knows: devices, since when).
 */
export function PushSettingsSection({
  children,
  onChange,
}: {
  children?: ReactNode;
  onChange?: () => void;
}) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="card push-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('push.title')}
      </h2>
      <p className="push-section__intro">{t('push.intro')}</p>
      {children}
      <PushToggle audience="patient" onChange={onChange} />
    </section>
  );
}
