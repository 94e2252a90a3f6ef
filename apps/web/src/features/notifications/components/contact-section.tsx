import type { MyNotifications } from '@visitt/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Alert, useErrorMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { useSetChannel } from '../api/notifications-api';
import { clearContactDraft, readContactDraft } from '../contact-draft';
import { formatPhoneNumber, type ContactKind } from '../contact-format';
import { useChangedText } from '../hooks/use-changed-text';
import { ChannelSwitch } from './channel-switch';
import { ContactChangeForm } from './contact-change-form';

type ContactChannel = MyNotifications['email'];

interface OpenForm {
  initialAddress: string;
  isResumed: boolean;
  shouldFocus: boolean;
}

/**
 * One way of getting messages (e-post or SMS): the address with its "Bekreftet" badge, the
 * on/off switch with the time of the last choice, and adding or changing the address with a
 * code sent to the new one. Results are announced politely; after a change focus moves to the
 * result, after "Avbryt" back to the button that opened the form.
 */
export function ContactSection({ kind, channel }: { kind: ContactKind; channel: ContactChannel }) {
  const t = useT();
  const errorMessage = useErrorMessage();
  const changedText = useChangedText();
  const setChannel = useSetChannel();
  const headingId = useId();
  const [form, setForm] = useState<OpenForm | null>(() => {
    // Back from signing in again: open the form with what the user had typed.
    const draft = readContactDraft(kind);
    return draft == null ? null : { initialAddress: draft, isResumed: true, shouldFocus: false };
  });
  const [done, setDone] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const openButton = useRef<HTMLButtonElement>(null);
  const doneMessage = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(form != null);

  useEffect(() => {
    if (form?.isResumed) clearContactDraft();
  }, [form?.isResumed]);

  useEffect(() => {
    if (done) doneMessage.current?.focus();
  }, [done]);

  useEffect(() => {
    // The form closed without a result (Avbryt): back to the button that opened it.
    if (wasOpen.current && form == null && done == null) openButton.current?.focus();
    wasOpen.current = form != null;
  }, [form, done]);

  const address = channel.address;
  const shownAddress =
    address == null ? null : kind === 'sms' ? formatPhoneNumber(address) : address;
  const disabledReason =
    address == null
      ? t(`notifications.${kind}.needsAddress`)
      : channel.verified
        ? null
        : t(`notifications.${kind}.needsVerify`);
  const action =
    address == null
      ? t(`notifications.${kind}.add`)
      : channel.verified
        ? t(`notifications.${kind}.change`)
        : t(`notifications.${kind}.verify`);

  function handleToggle(next: boolean) {
    setAnnouncement('');
    setChannel.mutate(
      { channel: kind, enabled: next },
      {
        onSuccess: (settings) =>
          setAnnouncement(
            t(
              settings[kind].enabled
                ? `notifications.${kind}.nowOn`
                : `notifications.${kind}.nowOff`,
            ),
          ),
      },
    );
  }

  function handleOpen() {
    setDone(null);
    setForm({
      // An address that is not verified yet is the one to verify.
      initialAddress: address != null && !channel.verified ? address : '',
      isResumed: false,
      shouldFocus: true,
    });
  }

  const toggleError = setChannel.isError
    ? isApiError(setChannel.error, 'contact_not_verified')
      ? t(`notifications.${kind}.needsVerify`)
      : errorMessage(setChannel.error)
    : null;

  return (
    <section className="card contact" aria-labelledby={headingId}>
      <div className="contact__head">
        <Icon name={kind === 'email' ? 'mail' : 'mobile'} className="contact__icon" />
        <h2 id={headingId} className="section__title contact__title">
          {t(`notifications.${kind}.title`)}
        </h2>
      </div>
      <p className="contact__address">
        {shownAddress == null ? (
          <span className="muted">{t(`notifications.${kind}.none`)}</span>
        ) : (
          <>
            <span className={`contact__value${kind === 'sms' ? ' contact__value--phone' : ''}`}>
              {shownAddress}
            </span>
            {channel.verified ? (
              <span className="badge badge--verified">
                <Icon name="check" size={16} />
                {t('notifications.verified')}
              </span>
            ) : (
              <span className="badge badge--unverified">{t('notifications.notVerified')}</span>
            )}
          </>
        )}
      </p>

      <ChannelSwitch
        label={t(`notifications.${kind}.switchLabel`)}
        isOn={channel.enabled}
        disabledReason={disabledReason}
        changedText={channel.address ? changedText(channel.changedAt, channel.enabled) : null}
        isBusy={setChannel.isPending}
        onToggle={handleToggle}
      />
      {toggleError ? (
        <Alert tone="error" className="contact__alert">
          <p>{toggleError}</p>
        </Alert>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>

      {done ? (
        <div ref={doneMessage} tabIndex={-1} className="focus-target contact__done">
          <Alert tone="success" live="status">
            <p>{done}</p>
          </Alert>
        </div>
      ) : null}

      {form ? (
        <ContactChangeForm
          kind={kind}
          current={{ address, verified: channel.verified }}
          initialAddress={form.initialAddress}
          isResumed={form.isResumed}
          shouldFocus={form.shouldFocus}
          onDone={(newAddress) => {
            setDone(t(`notifications.${kind}.done`, { address: newAddress }));
            setForm(null);
          }}
          onCancel={() => setForm(null)}
        />
      ) : (
        <div className="contact__actions">
          <Button
            ref={openButton}
            variant="secondary"
            icon={address == null ? 'plus' : undefined}
            onClick={handleOpen}
          >
            {action}
          </Button>
        </div>
      )}
    </section>
  );
}
