import { useMemo, useState, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { Icon } from '../../components/ui/icon';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { useMe } from '../../features/auth/hooks/use-me';
import { useHasOutbox } from '../../features/dev-outbox/api/outbox-api';
import { useT } from '../../i18n';
import { ShellContext, type ShellValue } from './shell-context';
import { SkipLink } from './skip-link';

/** The app (narrow screens): a top bar, the page, and a bottom tab bar with Hjem and Min kalender. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me } = useMe();
  const hasOutbox = useHasOutbox();
  const [back, setBack] = useState<HTMLElement | null>(null);
  const [title, setTitle] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<HTMLElement | null>(null);
  const shell = useMemo<ShellValue>(() => ({ isWide: false, topBar: { back, title, action } }), [back, title, action]);

  return (
    <ShellContext.Provider value={shell}>
      <div className="app-shell">
        <SkipLink />
        <header className="topbar">
          <div className="topbar__start" ref={setBack} />
          <div className="topbar__title" ref={setTitle} />
          <div className="topbar__end" ref={setAction} />
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="app-footer">
          <div className="app-footer__row">
            <LanguageSwitch />
            {me ? <SignOutButton /> : (
              <Link to="/logg-inn" className="link-button">
                <Icon name="user" />
                <span>{t('nav.signIn')}</span>
              </Link>
            )}
          </div>
          {hasOutbox ? (
            <Link to="/utboks" className="app-footer__link">
              <Icon name="inbox" />
              <span>{t('nav.outbox')}</span>
            </Link>
          ) : null}
        </footer>
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
      </div>
    </ShellContext.Provider>
  );
}
