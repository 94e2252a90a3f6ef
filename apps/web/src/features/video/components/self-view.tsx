import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { useStreamElement } from '../hooks/use-stream-element';

/**
 * The person's own camera: large in the waiting room, a thumbnail in the call. Muted (never
 * plays one's own sound back) and mirrored like a mirror; "camera off" instead of black.
 */
export function SelfView({
  stream,
  camera,
  variant,
}: {
  stream: MediaStream | null;
  camera: boolean;
  variant: 'large' | 'thumb';
}) {
  const t = useT();
  const hasVideo =
    camera && (stream?.getVideoTracks().some((track) => track.readyState === 'live') ?? false);
  const { ref } = useStreamElement(hasVideo ? stream : null);
  return (
    <figure className={`self self--${variant}`}>
      <video ref={ref} className="self__video" muted autoPlay playsInline hidden={!hasVideo} />
      {hasVideo ? null : (
        <div className="self__off">
          <Icon name="videoOff" size={variant === 'large' ? 40 : 22} />
          <span>{t('videoRoom.selfCameraOff')}</span>
        </div>
      )}
      <figcaption className="visually-hidden">{t('videoRoom.selfView')}</figcaption>
    </figure>
  );
}
