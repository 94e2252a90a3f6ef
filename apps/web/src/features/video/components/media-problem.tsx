import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useT } from '../../../i18n';
import type { MediaProblem } from '../call/types';

/** What to do when the camera or microphone could not be had, in plain words. */
export function MediaProblemAlert({ problem }: { problem: MediaProblem }) {
  const t = useT();
  return (
    <Alert tone="warning" title={t(`videoRoom.media.${problem}.title`)} live="status">
      <p>{t(`videoRoom.media.${problem}.text`)}</p>
      <Button
        variant="secondary"
        className="alert__action"
        onClick={() => window.location.reload()}
      >
        {t('videoRoom.reload')}
      </Button>
    </Alert>
  );
}
