import type { Appointment } from '@visitt/contracts';
import { useId } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useFormat, useT } from '../../../i18n';
import { useNow } from '../../../lib/use-now';
import { videoState } from '../appointment-state';
import { useStartVideo } from '../hooks/use-start-video';

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
  const descriptionId = useId();
  const state = videoState(appointment, now);
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

  function handleClick() {
    if (isOpen) startVideo(appointment);
  }

  return (
    <div className={`start-video start-video--${variant} start-video--${state}`}>
      {variant === 'icon' ? (
        <>
          <span id={descriptionId} className="start-video__hint">
            {description}
          </span>
          <button
            type="button"
            className="start-video__icon"
            aria-label={t('video.start')}
            aria-describedby={descriptionId}
            aria-disabled={!isOpen || undefined}
            onClick={handleClick}
            data-tooltip={t('video.start')}
          >
            <Icon name="video" size={22} />
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="btn btn--start btn--lg btn--block"
            aria-describedby={descriptionId}
            aria-disabled={!isOpen || undefined}
            onClick={handleClick}
          >
            <Icon name="video" />
            <span>{t('video.start')}</span>
          </button>
          <p id={descriptionId} className="start-video__hint">
            {description}
          </p>
        </>
      )}
    </div>
  );
}
