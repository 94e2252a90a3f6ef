import type { Appointment } from '@visitt/contracts';
import { useId, useState } from 'react';
import { useErrorMessage } from '../../../components/ui/alert';
import { Icon } from '../../../components/ui/icon';
import { Spinner } from '../../../components/ui/spinner';
import { useFormat, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { usePrefetch } from '../../../lib/router';
import { useNow } from '../../../lib/use-now';
import { StrongAuthRequired } from '../../auth/components/strong-auth-notice';
import { videoState } from '../appointment-state';
import { useStartVideo } from '../hooks/use-start-video';
import { VideoInfoDialog } from './video-info-dialog';

interface StartVideoButtonProps {
  appointment: Appointment;
  /** `icon`: the round video icon at the right of a portal row; `full`: a wide button (app, appointment page). */
  variant: 'icon' | 'full';
}

/**
 * **Start videokonsultasjon**. Outside the window (from 15 minutes before to 2 hours after the
 * start) it is disabled — but stays focusable (`aria-disabled`) so keyboard and screen-reader
 * users reach it and hear the reason from its description.
 */
export function StartVideoButton({ appointment, variant }: StartVideoButtonProps) {
  const t = useT();
  const format = useFormat();
  const now = useNow(10_000);
  const startVideo = useStartVideo();
  const errorMessage = useErrorMessage();
  const descriptionId = useId();
  const errorId = useId();
  const [isInfoOpen, setIsInfoOpen] = useState(false);
  const state = videoState(appointment, now);
  // While the room is open, its page's code is fetched when idle, so the preview shows sooner.
  usePrefetch(state === 'open' ? '/timer/_/video' : null);
  if (state === 'not_video' || !appointment.video) return null;

  const isOpen = state === 'open';
  const zone = appointment.timeZone;
  const description =
    state === 'early'
      ? t('video.opensAt', { when: format.dateTime(appointment.video.opensAt, zone) })
      : state === 'open'
        ? t('video.openNow', { time: format.time(appointment.video.closesAt, zone) })
        : state === 'cancelled'
          ? t('video.cancelled')
          : t('video.closed');

  // The information step comes first; the waiting room after it.
  function handleClick() {
    if (isOpen) setIsInfoOpen(true);
  }

  // A refusal from the server (its clock decides) is said where the button is, and announced.
  const error = startVideo.error ? (
    <span id={errorId} className="start-video__error" role="alert">
      {isApiError(startVideo.error, 'strong_auth_required') ? (
        <StrongAuthRequired />
      ) : (
        errorMessage(startVideo.error)
      )}
    </span>
  ) : null;
  const describedBy = startVideo.error ? `${errorId} ${descriptionId}` : descriptionId;

  return (
    <div className={`start-video start-video--${variant} start-video--${state}`}>
      {variant === 'icon' ? (
        <>
          <span className="start-video__texts">
            {error}
            <span id={descriptionId} className="start-video__hint">
              {startVideo.isPending ? t('video.starting') : description}
            </span>
          </span>
          <button
            type="button"
            className="start-video__icon"
            aria-label={t('video.start')}
            aria-describedby={describedBy}
            aria-disabled={!isOpen || undefined}
            aria-busy={startVideo.isPending || undefined}
            onClick={handleClick}
            data-tooltip={t('video.start')}
          >
            {startVideo.isPending ? <Spinner size="sm" /> : <Icon name="video" size={22} />}
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="btn btn--start btn--lg btn--block"
            aria-describedby={describedBy}
            aria-disabled={!isOpen || undefined}
            aria-busy={startVideo.isPending || undefined}
            onClick={handleClick}
          >
            {startVideo.isPending ? <Spinner size="sm" /> : <Icon name="video" />}
            <span>{t('video.start')}</span>
          </button>
          {error ? <p className="start-video__error-line">{error}</p> : null}
          <p id={descriptionId} className="start-video__hint">
            {startVideo.isPending ? t('video.starting') : description}
          </p>
        </>
      )}
      <VideoInfoDialog
        appointment={appointment}
        isOpen={isInfoOpen}
        onClose={() => setIsInfoOpen(false)}
        onContinue={() => {
          // Closed first: a refusal is said by the button, where focus returns.
          setIsInfoOpen(false);
          startVideo.start(appointment);
        }}
        isStarting={startVideo.isPending}
      />
    </div>
  );
}
