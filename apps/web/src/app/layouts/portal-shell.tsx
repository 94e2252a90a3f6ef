import { useMemo, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Icon } from '../../components/ui/icon';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { useMe } from '../../features/auth/hooks/use-me';
import { StartBookingButton } from '../../features/booking/components/start-booking-button';
import { useHasOutbox } from '../../features/dev-outbox/api/outbox-api';
import { useT } from '../../i18n';
import { ShellContext, type ShellValue } from './shell-context';
import { SkipLink } from './skip-link';

/**
 * The Patient Portal (wide screens): a header with the product at the left and the blue
 * **Start helsehjelp** at the top right, the page in a centred column, and a footer.
 */
export function PortalShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useMe();
  const hasOutbox = useHasOutbox();
  const shell = useMemo<ShellValue>(() => ({ isWide: true, topBar: null }), []);

  return (
    <ShellContext.Provider value={shell}>
      <div className="portal-shell">
        <SkipLink />
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
            </nav>
            <div className="portal-header__actions">
              <LanguageSwitch />
              {me ? (
                <SignOutButton />
              ) : (
                <Link to="/logg-inn" className="link-button">
                  <Icon name="user" />
                  <span>{t('nav.signIn')}</span>
                </Link>
              )}
              <StartBookingButton layout="portal" />
            </div>
          </div>
        </header>
        <main id="main" className="portal-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="portal-footer">
          <div className="portal-footer__inner">
            <p>{t('nav.footer')}</p>
            {hasOutbox ? (
              <Link to="/utboks" className="portal-footer__link">
                <Icon name="inbox" />
                <span>{t('nav.outbox')}</span>
              </Link>
            ) : null}
          </div>
        </footer>
      </div>
    </ShellContext.Provider>
  );
}
