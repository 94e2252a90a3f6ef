import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Link, NavLink } from '../../lib/router';
import { Alert } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { useMe } from '../../features/auth/hooks/use-me';
import { StartBookingButton } from '../../features/booking/components/start-booking-button';
import { useHasOutbox } from '../../features/dev-outbox/api/outbox-api';
import type { LiveStatus } from '../../features/workspace/hooks/use-workspace-live';
import { loadStaffTexts, useT } from '../../i18n';
import { useOnline } from '../../lib/use-online';
import { ShellContext, type ShellValue } from './shell-context';
import { NO_STAFF_ALERTS, StaffAlertsContext, type StaffAlertsValue } from './staff-alerts-context';
import { StaffHeader, StaffTabBar } from './staff-chrome';
import { hasWaitingAlerts, staffSideLink } from './staff-nav';

/** Whose frame a page is in: the patient's, or the staff's (workspace, calendar, administration). */
export type ShellVariant = 'patient' | 'staff';

/** The staff area's waiting alerts, loaded with the first staff page (none on the patient's). */
const StaffWaitingAlerts = lazy(async () => {
  const [module] = await Promise.all([
    import('../../features/workspace/components/staff-waiting-alerts'),
    loadStaffTexts(),
  ]);
  return { default: module.StaffWaitingAlerts };
});

/**
 * The frame around every page, in one of two layouts: the app (narrow: top bar, bottom tabs
 * Hjem and Min kalender) or the Patient Portal (wide: header with the blue Start helsehjelp at
 * the top right, footer). The `staff` variant swaps the patient navigation for the staff's
 * (Arbeidsflate, Kalender, Administrasjon and a menu) in both layouts. Only the current
 * layout's controls are rendered, so the other's are not in the accessibility tree. `<main>`
 * keeps its place in the tree in both, so turning a phone or resizing a window across the
 * breakpoint keeps what the page holds (a typed code, an open dialog).
 *
 * For a practitioner with a staff session the staff variant also runs the waiting alerts
 * (`StaffWaitingAlerts`: today's waiting patients announced, rung for and counted in the tab
 * title on every staff page, over one live socket), mounted once so that moving between the
 * staff pages neither drops nor repeats them.
 */
export function Shell({
  isWide,
  variant = 'patient',
  children,
}: {
  isWide: boolean;
  variant?: ShellVariant;
  children: ReactNode;
}) {
  const isStaff = variant === 'staff';
  const t = useT();
  const [back, setBack] = useState<HTMLElement | null>(null);
  const [title, setTitle] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<HTMLElement | null>(null);
  const shell = useMemo<ShellValue>(
    () => ({ isWide, topBar: isWide ? null : { back, title, action } }),
    [isWide, back, title, action],
  );
  const { me } = useMe();
  const hasAlerts = isStaff && hasWaitingAlerts(me);
  const [alerts, setAlerts] = useState<{ waiting: number; live: LiveStatus | null }>({
    waiting: 0,
    live: null,
  });
  const [noticeSlot, setNoticeSlot] = useState<HTMLElement | null>(null);
  const staffAlerts = useMemo<StaffAlertsValue>(
    () => ({ ...(hasAlerts ? alerts : NO_STAFF_ALERTS), setNoticeSlot }),
    [hasAlerts, alerts],
  );

  return (
    <ShellContext.Provider value={shell}>
      <StaffAlertsContext.Provider value={staffAlerts}>
        <div className={`${isWide ? 'portal-shell' : 'app-shell'}${isStaff ? ' staff-shell' : ''}`}>
          <a className="skip-link" href="#main">
            {t('app.skipToContent')}
          </a>
          {isWide ? (
            isStaff ? (
              <StaffHeader />
            ) : (
              <PortalHeader />
            )
          ) : (
            <header className="topbar">
              <div className="topbar__start" ref={setBack} />
              <div className="topbar__title" ref={setTitle} />
              <div className="topbar__end" ref={setAction} />
            </header>
          )}
          <main id="main" className={isWide ? 'portal-main' : 'app-main'} tabIndex={-1}>
            <OfflineNotice />
            {hasAlerts ? (
              <Suspense fallback={null}>
                <StaffWaitingAlerts noticeSlot={noticeSlot} onChange={setAlerts} />
              </Suspense>
            ) : null}
            {children}
          </main>
          {isWide ? <PortalFooter isStaff={isStaff} /> : <AppFooter isStaff={isStaff} />}
          {isWide ? null : isStaff ? <StaffTabBar /> : <TabBar />}
        </div>
      </StaffAlertsContext.Provider>
    </ShellContext.Provider>
  );
}

function SignInOrOut() {
  const t = useT();
  const { me } = useMe();
  return me ? (
    <SignOutButton />
  ) : (
    <Link to="/logg-inn" className="link-button">
      <Icon name="user" />
      <span>{t('nav.signIn')}</span>
    </Link>
  );
}

/**
 * The accessibility statement, in every footer (the patient's and the staff's, both layouts), so
 * it is one step from every page; marked as the current page there.
 */
function AccessibilityLink({ className }: { className: string }) {
  const t = useT();
  return (
    <NavLink to="/tilgjengelighet" className={className}>
      {t('nav.accessibility')}
    </NavLink>
  );
}

/** The discreet way in for clinic staff, for those signed out. */
function StaffSignInLink({ className }: { className: string }) {
  const t = useT();
  const { me, isLoading } = useMe();
  if (isLoading || me) return null;
  return (
    <Link to="/ansatt/logg-inn" className={className}>
      {t('staffAuth.link')}
    </Link>
  );
}

/**
 * The way to the staff side for staff: straight there with a staff session, through the staff
 * sign-in when signed in as a patient (none for anyone else).
 */
function StaffSideLink({ className }: { className: string }) {
  const t = useT();
  const { me } = useMe();
  const link = staffSideLink(me);
  if (!link) return null;
  return (
    <Link to={link.to} className={className}>
      <Icon name={link.icon} />
      <span>{t(link.label)}</span>
    </Link>
  );
}

function PortalHeader() {
  const t = useT();
  const { me } = useMe();
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} className="brand__logo" />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <nav className="portal-nav" aria-label={t('nav.main')}>
          <NavLink to="/" end className="portal-nav__link">
            {t('nav.home')}
          </NavLink>
          <NavLink to="/timer" className="portal-nav__link">
            {t('nav.myCalendar')}
          </NavLink>
          {me ? (
            <NavLink to="/varsler" className="portal-nav__link">
              {t('nav.notifications')}
            </NavLink>
          ) : null}
        </nav>
        <div className="portal-header__actions">
          <StaffSideLink className="link-button" />
          <LanguageSwitch />
          <SignInOrOut />
          <StartBookingButton layout="portal" />
        </div>
      </div>
    </header>
  );
}

/** The wide footer; the staff's has no way in for staff (they are in). */
function PortalFooter({ isStaff }: { isStaff: boolean }) {
  const t = useT();
  const hasOutbox = useHasOutbox();
  return (
    <footer className="portal-footer">
      <div className="portal-footer__inner">
        <p>{t('nav.footer')}</p>
        <AccessibilityLink className="portal-footer__link" />
        {isStaff ? null : <StaffSignInLink className="portal-footer__link" />}
        {hasOutbox ? (
          <Link to="/utboks" className="portal-footer__link">
            <Icon name="inbox" />
            <span>{t('nav.outbox')}</span>
          </Link>
        ) : null}
      </div>
    </footer>
  );
}

/**
 * The narrow footer. The staff's keeps the language switch and leaves the patient's links (and
 * signing out, which is in the staff menu) out.
 */
function AppFooter({ isStaff }: { isStaff: boolean }) {
  const t = useT();
  const hasOutbox = useHasOutbox();
  const { me } = useMe();
  return (
    <footer className="app-footer">
      <div className="app-footer__row">
        <LanguageSwitch />
        {isStaff ? null : <SignInOrOut />}
      </div>
      {me && !isStaff ? (
        <NavLink to="/varsler" className="app-footer__link">
          <Icon name="bell" />
          <span>{t('nav.notifications')}</span>
        </NavLink>
      ) : null}
      <AccessibilityLink className="app-footer__link" />
      {isStaff ? null : <StaffSignInLink className="app-footer__link" />}
      {isStaff ? null : <StaffSideLink className="app-footer__link" />}
      {hasOutbox ? (
        <Link to="/utboks" className="app-footer__link">
          <Icon name="inbox" />
          <span>{t('nav.outbox')}</span>
        </Link>
      ) : null}
    </footer>
  );
}

function TabBar() {
  const t = useT();
  return (
    <nav className="tabbar" aria-label={t('nav.main')}>
      <NavLink to="/" end className="tabbar__tab">
        <Icon name="home" size={24} />
        <span>{t('nav.home')}</span>
      </NavLink>
      <NavLink to="/timer" className="tabbar__tab">
        <Icon name="calendar" size={24} />
        <span>{t('nav.myCalendar')}</span>
      </NavLink>
    </nav>
  );
}

/**
 * Without a network the page still opens (the service worker keeps the app), but nothing can be
 * read or sent: said once, above the page, until the network is back and the page carries on.
 */
function OfflineNotice() {
  const t = useT();
  const isOnline = useOnline();
  return isOnline ? null : (
    <Alert tone="warning" live="status" className="offline-notice">
      <p>{t('shell.offline')}</p>
    </Alert>
  );
}
