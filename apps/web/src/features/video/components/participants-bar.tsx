import type { Participant } from '@visitt/contracts';
import type { Ref } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';

const inCall = (p: Participant) =>
  p.admitted && (p.presence === 'in_call' || p.presence === 'reconnecting');

/**
 * Everyone in the call, with name and role, always on screen: nobody takes part unseen. The
 * practitioner also sees the guests waiting to be let in, with **Slipp inn**, and can take a
 * guest out (**Fjern**).
 */
export function ParticipantsBar({
  participants,
  mySeat,
  onAdmit,
  onRemove,
  busySeat,
  ref,
}: {
  participants: readonly Participant[];
  mySeat: string;
  /** The practitioner's page: lets a waiting guest in. */
  onAdmit?: (participant: Participant) => void;
  /** The practitioner's page: takes a guest out of the call. */
  onRemove?: (participant: Participant) => void;
  /** A guest being let in or taken out just now. */
  busySeat?: string | null;
  /** The list itself, for focus to land on when the button pressed goes with the guest. */
  ref?: Ref<HTMLElement>;
}) {
  const t = useT();
  const shown = participants.filter(
    (p) => inCall(p) || (onAdmit && !p.admitted && p.presence === 'waiting'),
  );
  const count = shown.filter(inCall).length;
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="participants"
      aria-label={t('participants.title', { count })}
    >
      <h2 className="visually-hidden">{t('participants.title', { count })}</h2>
      <ul className="participants__list">
        {shown.map((p) => {
          const isGuest = p.seat !== 'patient' && p.seat !== 'practitioner';
          const waiting = !inCall(p);
          return (
            <li key={p.seat} className={`participants__item${waiting ? ' is-waiting' : ''}`}>
              <span className="participants__who">
                <span className="participants__name">{p.name}</span>
                <span className="participants__role">
                  {t(`participants.roles.${p.role}`)}
                  {p.seat === mySeat ? ` ${t('participants.you')}` : ''}
                </span>
              </span>
              {waiting ? (
                <span className="participants__state">{t('participants.waiting')}</span>
              ) : p.presence === 'reconnecting' ? (
                <span className="participants__state">{t('participants.reconnecting')}</span>
              ) : null}
              {!waiting && !p.mic ? (
                <span className="participants__muted">
                  <Icon name="micOff" size={16} />
                  <span className="visually-hidden">{t('participants.micOff')}</span>
                </span>
              ) : null}
              {waiting && onAdmit ? (
                <button
                  type="button"
                  className="participants__action participants__action--admit"
                  aria-disabled={busySeat === p.seat || undefined}
                  onClick={() => busySeat !== p.seat && onAdmit(p)}
                >
                  {t('participants.admit')}
                  <span className="visually-hidden"> {p.name}</span>
                </button>
              ) : null}
              {isGuest && onRemove ? (
                <button
                  type="button"
                  className="participants__action"
                  aria-disabled={busySeat === p.seat || undefined}
                  onClick={() => busySeat !== p.seat && onRemove(p)}
                >
                  {waiting ? t('participants.turnAway') : t('participants.remove')}
                  <span className="visually-hidden"> {p.name}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
