import type { ErrorCode, RoomRole, SignalingErrorCode, VideoJoin } from '@visitt/contracts';
import { useEffect, useState } from 'react';
import { Button, ButtonLink } from '../../../components/ui/button';
import { Icon } from '../../../components/ui/icon';
import { LoadingState } from '../../../components/ui/spinner';
import { useT, type TFunction } from '../../../i18n';
import { isApiError, type ClientErrorCode } from '../../../lib/api';
import { useNow } from '../../../lib/use-now';
import { useCallSession } from '../call/use-call-session';
import { canRejoin } from '../rejoin';
import { roomView } from '../video-labels';
import { CallControls } from './call-controls';
import { CallFrame } from './call-frame';
import { useIdentification } from '../api/identification-api';
import { CallStage } from './call-stage';
import { GuestCallTools } from './guest-call-tools';
import { MeshStage } from './mesh-stage';
import { PhoneFallback } from './phone-fallback';
import { ParticipantAnnouncement } from './participant-announcement';
import { useParticipantChanges } from '../hooks/use-participant-chime';
import { IdentificationAfterCall, IdentificationDialog } from './identification-dialog';
import { WaitingStage } from './waiting-stage';

interface VideoRoomProps {
  join: VideoJoin;
  /** Min kalender for the patient, the workspace for the practitioner. */
  backTo: string;
  /** The call is over (either side hung up): the page shows the end screen. */
  onEnded: (by: RoomRole, start: string) => void;
}

/**
 * The video room of one appointment: the waiting room until both are in, then the call, with
 * the controls bar below both. Runs the call engine for as long as it is on screen.
 */
export function VideoRoom({ join, backTo, onEnded }: VideoRoomProps) {
  const t = useT();
  const { snapshot, session } = useCallSession(join);
  const phase = snapshot?.phase ?? 'preparing';
  const view = roomView(phase);
  // Only a guest's own page is ended by `guest`; this is the patient's or the practitioner's.
  const endedBy = snapshot?.endedBy === 'guest' ? null : (snapshot?.endedBy ?? null);
  const isPractitioner = join.role === 'practitioner';
  // The practitioner records how the patient was identified; asked at Avslutt when it is needed.
  const identification = useIdentification(join.appointmentId, isPractitioner);
  const [dialog, setDialog] = useState<'closed' | 'open' | 'ending'>('closed');
  const [isInviting, setIsInviting] = useState(false);
  const participants = snapshot?.participants ?? [];
  // Guests in the call: everyone in a picture of their own (a full mesh of connections).
  const hasGuests = participants.some(
    (p) =>
      p.seat !== 'patient' &&
      p.seat !== 'practitioner' &&
      p.admitted &&
      (p.presence === 'in_call' || p.presence === 'reconnecting'),
  );
  const change = useParticipantChanges(participants, join.role, isPractitioner);
  const phoneFallback = snapshot ? (
    <PhoneFallback join={join} snapshot={snapshot} session={session} />
  ) : null;
  const hangUp = () => {
    // Asked unless known not to be needed (also while the answer is on its way, or failed).
    if (isPractitioner && identification.data?.needed !== false && view === 'call')
      setDialog('ending');
    else session?.hangUp();
  };

  useEffect(() => {
    if (phase === 'ended' && endedBy) onEnded(endedBy, join.start);
  }, [phase, endedBy, onEnded, join.start]);

  if (view === 'failed')
    return <CallFailure code={snapshot?.error ?? 'network'} role={join.role} backTo={backTo} />;
  if (view === 'ended')
    return (
      <EndedScreen
        by={endedBy ?? join.role}
        role={join.role}
        start={join.start}
        backTo={backTo}
        appointmentId={join.appointmentId}
      />
    );

  return (
    <CallFrame title={t('videoRoom.title')} isTitleHidden>
      <div className={`room room--${view}`}>
        {view === 'call' && snapshot ? (
          hasGuests ? (
            <MeshStage snapshot={snapshot} notice={phoneFallback} />
          ) : (
            <CallStage
              join={join}
              snapshot={snapshot}
              onAudioOnly={session ? () => session.setAudioOnly(true) : undefined}
              notice={phoneFallback}
            />
          )
        ) : (
          <WaitingStage join={join} snapshot={snapshot} session={session} />
        )}
        {view === 'call' && snapshot ? (
          <GuestCallTools
            appointmentId={join.appointmentId}
            participants={participants}
            mySeat={join.role}
            isPractitioner={isPractitioner}
            isInviting={isInviting}
            onInviteClose={() => setIsInviting(false)}
          />
        ) : null}
        <ParticipantAnnouncement change={change} />
        <CallControls
          snapshot={snapshot}
          session={session}
          onHangUp={hangUp}
          onIdentify={isPractitioner ? () => setDialog('open') : undefined}
          onInvite={isPractitioner && view === 'call' ? () => setIsInviting(true) : undefined}
        />
        {isPractitioner ? (
          <IdentificationDialog
            appointmentId={join.appointmentId}
            timeZone={join.timeZone}
            status={identification.data}
            isOpen={dialog !== 'closed'}
            isEnding={dialog === 'ending'}
            onClose={() => setDialog('closed')}
            onEnd={() => {
              setDialog('closed');
              session?.hangUp();
            }}
          />
        ) : null}
      </div>
    </CallFrame>
  );
}

/** While the page asks the server for the way in. */
export function RoomLoading() {
  const t = useT();
  return (
    <CallFrame title={t('videoRoom.title')} isTitleHidden>
      <div className="call-center">
        <LoadingState label={t('videoRoom.preparing')} />
      </div>
    </CallFrame>
  );
}

/**
 * "Videokonsultasjonen er avsluttet", who ended it, and the way back — with **Gå inn igjen** first
 * while the room is still open for this side (the domain's rule, through {@link canRejoin}).
 */
export function EndedScreen({
  by,
  role,
  start,
  backTo,
  onRejoin,
  appointmentId,
}: {
  by: RoomRole;
  role: RoomRole;
  /** The appointment's start; null when unknown (then no way back in is offered). */
  start: string | null;
  backTo: string;
  /** Goes back into the call; without it no way back in is offered. */
  onRejoin?: () => void;
  /** The appointment: the practitioner is asked how the patient was identified, if needed. */
  appointmentId?: string;
}) {
  const t = useT();
  const now = useNow(15_000);
  const who =
    by === role
      ? t('videoRoom.endedBySelf')
      : by === 'patient'
        ? t('videoRoom.endedByPatient')
        : t('videoRoom.endedByPractitioner');
  const isRejoinOpen = onRejoin != null && start != null && canRejoin(role, start, now);
  return (
    <CallFrame title={t('videoRoom.endedTitle')} tone="light">
      <div className="call-end">
        <p className="call-end__who">
          <Icon name="check" size={24} className="call-end__icon" />
          <span>{who}</span>
        </p>
        {isRejoinOpen ? <p className="muted">{t('videoRoom.rejoinNote')}</p> : null}
        {/* Ended by the other side (or a drop): the question at Avslutt never came. */}
        {role === 'practitioner' && by !== role && appointmentId ? (
          <IdentificationAfterCall appointmentId={appointmentId} />
        ) : null}
        <div className="action-row">
          {isRejoinOpen ? (
            <Button icon="video" onClick={onRejoin}>
              {t('videoRoom.rejoin')}
            </Button>
          ) : null}
          <ButtonLink
            to={backTo}
            variant={isRejoinOpen ? 'secondary' : undefined}
            icon={role === 'patient' ? 'calendar' : 'home'}
          >
            {role === 'patient' ? t('videoRoom.backToCalendar') : t('videoRoom.backToWorkspace')}
          </ButtonLink>
        </div>
      </div>
    </CallFrame>
  );
}

const ROOM_FAILURES = [
  'too_early',
  'too_late',
  'not_allowed',
  'not_found',
  'not_started',
  'not_waiting',
  'network',
  'rate_limited',
  'bad_message',
] as const;
type RoomFailure = (typeof ROOM_FAILURES)[number];
type FailureCode = SignalingErrorCode | ErrorCode | ClientErrorCode;

const isRoomFailure = (code: FailureCode): code is RoomFailure =>
  (ROOM_FAILURES as readonly string[]).includes(code);

function failureMessage(t: TFunction, code: FailureCode): string {
  return isRoomFailure(code) ? t(`videoRoom.failed.${code}`) : t(`errors.${code}`);
}

/** The room cannot be used: why, in plain words, and the way back (and again, for network). */
export function CallFailure({
  code,
  role,
  backTo,
  onRetry,
}: {
  code: FailureCode;
  role: RoomRole;
  backTo: string;
  onRetry?: () => void;
}) {
  const t = useT();
  return (
    <CallFrame title={t('videoRoom.failedTitle')} tone="light">
      <div className="call-end">
        <div role="alert" className="alert alert--error">
          <Icon name="alert" className="alert__icon" />
          <div className="alert__body">
            <p>{failureMessage(t, code)}</p>
          </div>
        </div>
        <div className="action-row">
          {onRetry && (code === 'network' || code === 'internal' || code === 'unexpected') ? (
            <Button variant="secondary" onClick={onRetry}>
              {t('app.retry')}
            </Button>
          ) : null}
          <ButtonLink to={backTo} icon={role === 'patient' ? 'calendar' : 'home'}>
            {role === 'patient' ? t('videoRoom.backToCalendar') : t('videoRoom.backToWorkspace')}
          </ButtonLink>
        </div>
      </div>
    </CallFrame>
  );
}

/** The code of an error from asking for the way in, for {@link CallFailure}. */
export function failureCodeOf(error: unknown): ErrorCode | ClientErrorCode {
  return isApiError(error) ? error.code : 'unexpected';
}
