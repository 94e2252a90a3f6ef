import { useT } from '../../../i18n';
import type { ParticipantChange } from '../hooks/use-participant-chime';

/** Tells a screen reader who came into the call, who left it, and who waits to be let in. */
export function ParticipantAnnouncement({ change }: { change: ParticipantChange | null }) {
  const t = useT();
  const text = change
    ? t(`participants.${change.kind}Announce`, {
        name: change.participant.name,
        role: t(`participants.roles.${change.participant.role}`),
      })
    : '';
  return (
    <p className="visually-hidden" aria-live="polite">
      {text}
    </p>
  );
}
