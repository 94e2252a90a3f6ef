import { useId } from 'react';
import { useT } from '../../../i18n';
import type { CallSession } from '../call/call-session';
import type { CallSnapshot } from '../call/types';
import { useMicLevel } from '../hooks/use-mic-level';

/** Choice of camera and microphone, and a level meter that shows the microphone hears you. */
export function DeviceSettings({
  snapshot,
  session,
}: {
  snapshot: CallSnapshot | null;
  session: CallSession | null;
}) {
  const t = useT();
  const ids = { heading: useId(), camera: useId(), microphone: useId() };
  const cameras = snapshot?.cameras ?? [];
  const microphones = snapshot?.microphones ?? [];
  return (
    <section className="devices" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="devices__title">
        {t('videoRoom.checkTitle')}
      </h3>
      {cameras.length > 0 ? (
        <div className="field">
          <label htmlFor={ids.camera} className="field__label">
            {t('videoRoom.camera')}
          </label>
          <select
            id={ids.camera}
            className="input select"
            value={snapshot?.cameraId ?? ''}
            disabled={!session}
            onChange={(event) => void session?.selectCamera(event.target.value)}
          >
            {cameras.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || t('videoRoom.cameraNumber', { number: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {microphones.length > 0 ? (
        <div className="field">
          <label htmlFor={ids.microphone} className="field__label">
            {t('videoRoom.microphone')}
          </label>
          <select
            id={ids.microphone}
            className="input select"
            value={snapshot?.microphoneId ?? ''}
            disabled={!session}
            onChange={(event) => void session?.selectMicrophone(event.target.value)}
          >
            {microphones.map((device, index) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || t('videoRoom.microphoneNumber', { number: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <MicLevel stream={snapshot?.localStream ?? null} isOn={snapshot?.mic ?? false} />
    </section>
  );
}

/** Its own component: the level changes ten times a second and re-renders only this. */
function MicLevel({ stream, isOn }: { stream: MediaStream | null; isOn: boolean }) {
  const t = useT();
  const ids = { meter: useId(), hint: useId() };
  const level = useMicLevel(stream, true);
  if (level == null) return <p className="field__hint">{t('videoRoom.micLevelNone')}</p>;
  return (
    <div className="field mic-level">
      <label htmlFor={ids.meter} className="field__label">
        {t('videoRoom.micLevel')}
      </label>
      <meter
        id={ids.meter}
        className="mic-level__meter"
        min={0}
        max={100}
        value={isOn ? level : 0}
        aria-describedby={ids.hint}
      />
      <p id={ids.hint} className="field__hint">
        {isOn ? t('videoRoom.micLevelHint') : t('videoRoom.micLevelOff')}
      </p>
    </div>
  );
}
