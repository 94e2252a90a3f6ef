import type { ErrorCode, GuestConnection, GuestVisit } from '@visitt/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { TimeZoneNote } from '../../features/booking/components/time-zone-note';
import { connectGuest } from '../../features/video/api/guest-api';
import { CallFrame } from '../../features/video/components/call-frame';
import { GuestRoom } from '../../features/video/components/guest-room';
import { useFormat, useT, type TFunction, type TranslationKey } from '../../i18n';
import { apiRequest, isApiError, type ClientErrorCode } from '../../lib/api';
import { Link } from '../../lib/router';
import { readSession, writeSession } from '../../lib/session-storage';
import {
  guestScreen,
  recheckDelay,
  tokenFromFragment,
  type GuestRefusal,
  type GuestScreen,
} from './guest-screen';

/** Opens the guest link in this browser: the visit, and the guest cookie for the calls after it. */
function openGuestLink(token: string): Promise<GuestVisit> {
  return apiRequest<GuestVisit>('/guest/link', { method: 'POST', body: { token } });
}

/** The visit of the link this browser's guest cookie holds (401 `guest_link_required` without). */
function readGuestVisit(signal?: AbortSignal): Promise<GuestVisit> {
  return apiRequest<GuestVisit>('/guest/visit', { signal });
}

/** The catalogue's message for an API error code (every code has one). */
const errorText = (t: TFunction, code: ErrorCode | ClientErrorCode) => t(`errors.${code}`);

/**
 * The token kept in this tab until the link has been taken, so that a reload before the room
 * opens (or while another browser holds the link) still has it. sessionStorage: gone with the tab.
 */
const TOKEN_KEY = 'visitt.guest-link';

const refusalTexts: Record<GuestRefusal, { title: TranslationKey; text: TranslationKey[] }> = {
  over: { title: 'guestVisit.overTitle', text: ['guestVisit.overText'] },
  cancelled: { title: 'guestVisit.cancelledTitle', text: ['guestVisit.cancelledText'] },
  revoked: { title: 'guestVisit.revokedTitle', text: ['errors.guest_link_revoked'] },
  removed: { title: 'guestVisit.removedTitle', text: ['errors.guest_removed'] },
  in_use: { title: 'guestVisit.inUseTitle', text: ['errors.link_in_use'] },
  invalid: { title: 'guestVisit.invalidTitle', text: ['guestVisit.invalidText'] },
  missing: {
    title: 'guestVisit.invalidTitle',
    text: ['errors.guest_link_required', 'guestVisit.askForNew'],
  },
};

/**
 * `/gjest#<token>`: the page a guest of a video consultation (an interpreter, a relative, a
 * second clinician; no account) opens from their invitation. The token in the fragment is
 * posted once to take the link for this browser (which gets a guest cookie) and is then taken
 * out of the address, so a reload, a bookmark or a screenshot does not carry it; without one the
 * page asks for the visit of the cookie (a reload). It shows the clinic, the time and the guest's
 * own name and role, says when the room opens and asks again by itself then, explains every
 * refusal in plain words, and with **Gå inn i videorommet** enters the call.
 */
export function GuestPage() {
  const [initialToken] = useState(
    () => tokenFromFragment(window.location.hash) ?? readSession(TOKEN_KEY),
  );
  const token = useRef(initialToken);
  const [entered, setEntered] = useState<{
    connection: GuestConnection;
    visit: GuestVisit;
  } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!window.location.hash) return;
    // Out of the address at once (kept in this tab only), whatever the server answers.
    if (initialToken) writeSession(TOKEN_KEY, initialToken);
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  }, [initialToken]);

  const visit = useQuery({
    queryKey: ['guest-visit'],
    queryFn: async ({ signal }) => {
      const held = token.current;
      if (!held) return readGuestVisit(signal);
      const opened = await openGuestLink(held);
      // The cookie holds the link now: later reads (a reload, a retry) need no token.
      token.current = null;
      writeSession(TOKEN_KEY, null);
      return opened;
    },
    staleTime: 30_000,
    refetchOnWindowFocus: entered === null,
  });
  const connect = useMutation({
    mutationFn: connectGuest,
    onSuccess: (connection) => {
      if (visit.data) setEntered({ connection, visit: visit.data });
    },
  });

  const failed = connect.error ?? (visit.status === 'error' ? visit.error : null);
  const screen = guestScreen(
    {
      visit: visit.data ?? null,
      error: failed ? (isApiError(failed) ? failed.code : 'unexpected') : null,
    },
    now,
  );

  const { reset: resetConnect } = connect;
  const { refetch } = visit;
  const retry = useCallback(() => {
    resetConnect();
    setNow(Date.now());
    // Never a second link request beside one under way: the server would see another browser.
    void refetch({ cancelRefetch: false });
  }, [resetConnect, refetch]);

  // Before the room opens the page asks again when it does (and once it has closed, says so).
  const delay = entered ? null : recheckDelay(screen, now);
  const dueAt = delay === null ? null : now + delay;
  useEffect(() => {
    if (dueAt === null) return;
    const timer = window.setTimeout(retry, Math.max(dueAt - Date.now(), 0));
    return () => window.clearTimeout(timer);
  }, [dueAt, retry]);

  if (entered) return <GuestRoom connection={entered.connection} visit={entered.visit} />;
  return (
    <GuestScreenView
      screen={screen}
      isRetrying={visit.isFetching}
      isEntering={connect.isPending}
      onRetry={retry}
      onEnter={() => {
        if (!connect.isPending) connect.mutate();
      }}
    />
  );
}

function GuestScreenView({
  screen,
  isRetrying,
  isEntering,
  onRetry,
  onEnter,
}: {
  screen: GuestScreen;
  isRetrying: boolean;
  isEntering: boolean;
  onRetry: () => void;
  onEnter: () => void;
}) {
  const t = useT();
  const message = (code: ErrorCode | ClientErrorCode) => errorText(t, code);
  const retryButton = (
    <Button
      variant="secondary"
      onClick={onRetry}
      isBusy={isRetrying}
      className="guest-visit__retry"
    >
      {t('app.retry')}
    </Button>
  );

  switch (screen.kind) {
    case 'loading':
      return (
        <GuestFrame title={t('guestVisit.title')}>
          <LoadingState label={t('guestVisit.opening')} />
        </GuestFrame>
      );
    case 'ready':
    case 'early':
      if (screen.visit)
        return (
          <VisitDetails
            visit={screen.visit}
            isOpen={screen.kind === 'ready'}
            notice={screen.kind === 'ready' && screen.notice ? message(screen.notice) : null}
            isBusy={screen.kind === 'ready' ? isEntering : isRetrying}
            onAction={screen.kind === 'ready' ? onEnter : onRetry}
          />
        );
      return (
        <GuestFrame title={t('guestVisit.earlyTitle')}>
          <Alert tone="info" live="status">
            <p>{t('errors.too_early')}</p>
            <p>{t('guestVisit.autoRetry')}</p>
          </Alert>
          {retryButton}
        </GuestFrame>
      );
    case 'refused': {
      const { title, text } = refusalTexts[screen.reason];
      const isFinished = screen.reason === 'over' || screen.reason === 'cancelled';
      return (
        <GuestFrame title={t(title)}>
          <Alert tone={isFinished ? 'info' : 'warning'} live={isFinished ? 'status' : 'alert'}>
            {text.map((key) => (
              <p key={key}>{t(key)}</p>
            ))}
          </Alert>
          {screen.reason === 'in_use' ? retryButton : null}
        </GuestFrame>
      );
    }
    case 'failed':
      return (
        <GuestFrame title={t('guestVisit.failedTitle')}>
          <Alert tone="error">
            <p>{message(screen.code)}</p>
          </Alert>
          {retryButton}
        </GuestFrame>
      );
  }
}

/**
 * The light full-screen frame of every screen but the call: one h1, a card, the language, and
 * the accessibility statement (the guest page has no footer of its own).
 */
function GuestFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <CallFrame title={title} tone="light">
      <div className="guest-visit">{children}</div>
      <LanguageSwitch className="guest-visit__lang" />
      <Link to="/tilgjengelighet" className="app-footer__link">
        {t('nav.accessibility')}
      </Link>
    </CallFrame>
  );
}

/**
 * The clinic, the time and who the guest is, what happens next, and one action: **Gå inn i
 * videorommet** once the room is open, "Prøv igjen" before (the same button, so focus stays on
 * it when the room opens). The status line is announced when it changes.
 */
function VisitDetails({
  visit,
  isOpen,
  notice,
  isBusy,
  onAction,
}: {
  visit: GuestVisit;
  isOpen: boolean;
  notice: string | null;
  isBusy: boolean;
  onAction: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const zone = visit.timeZone;
  return (
    <GuestFrame title={t('guestVisit.titleAt', { clinic: visit.clinicName })}>
      <p className="guest-visit__fact">
        <Icon name="calendar" className="guest-visit__icon" />
        <span>
          {t('guestVisit.when', {
            date: format.longDate(visit.start, zone),
            start: format.time(visit.start, zone),
            end: format.time(visit.end, zone),
          })}
        </span>
      </p>
      <TimeZoneNote timeZone={zone} />
      <p className="guest-visit__fact">
        <Icon name="user" className="guest-visit__icon" />
        <span>
          {t('guestVisit.invitedAs', {
            role: t(`participants.roles.${visit.role}`),
            name: visit.name,
          })}
        </span>
      </p>
      <ul className="guest-visit__notes">
        <li>{t('guestVisit.admittedBy')}</li>
        <li>{t('guestVisit.seenByAll')}</li>
        <li>{t('guestVisit.notRecorded')}</li>
      </ul>
      <p
        role="status"
        className={`guest-visit__status guest-visit__status--${isOpen ? 'open' : 'early'}`}
      >
        <Icon name={isOpen ? 'check' : 'clock'} className="guest-visit__icon" />
        <span>
          {isOpen
            ? t('guestVisit.open')
            : `${t('guestVisit.opensAt', { time: format.time(visit.opensAt, zone) })} ${t('guestVisit.autoRetry')}`}
        </span>
      </p>
      {notice ? (
        <Alert tone="error">
          <p>{notice}</p>
        </Alert>
      ) : null}
      <Button
        variant={isOpen ? 'start' : 'secondary'}
        size="lg"
        block
        icon={isOpen ? 'video' : undefined}
        isBusy={isBusy}
        onClick={onAction}
      >
        {isOpen ? t('guestVisit.enter') : t('app.retry')}
      </Button>
    </GuestFrame>
  );
}
