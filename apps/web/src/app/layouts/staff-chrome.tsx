import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink } from '../../lib/router';
import { Icon } from '../../components/ui/icon';
import { LanguageSwitch } from '../../features/auth/components/language-switch';
import { SignOutButton } from '../../features/auth/components/sign-out-button';
import { useMe } from '../../features/auth/hooks/use-me';
import { useT } from '../../i18n';
import { personLabel, staffNavLinks } from './staff-nav';

/**
 * The staff shell's top bar on wide screens: the product, the staff pages the person may use
 * (Arbeidsflate, Kalender, Administrasjon), the language switch and the person's menu. No
 * patient navigation. It keeps to one row: what is not navigation sits in the menu.
 */
export function StaffHeader() {
  const t = useT();
  const { me } = useMe();
  const links = staffNavLinks(me);
  return (
    <header className="staff-header">
      <div className="staff-header__inner">
        <Link to={links[0]?.to ?? '/'} className="brand">
          <img src="/favicon.svg" alt="" width={32} height={32} className="brand__logo" />
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        {links.length > 0 ? (
          <nav className="staff-nav" aria-label={t('nav.main')}>
            <ul className="staff-nav__list" role="list">
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end} className="portal-nav__link">
                    {t(link.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="staff-header__actions">
          <LanguageSwitch />
          {me ? <StaffMenu placement="bar" /> : null}
        </div>
      </div>
    </header>
  );
}

/**
 * The staff shell's bottom bar on a phone, like the patient app's: the staff pages the person
 * may use and a menu for the rest (who is signed in, the patient view, sign out).
 */
export function StaffTabBar() {
  const t = useT();
  const { me } = useMe();
  return (
    <nav className="tabbar tabbar--staff" aria-label={t('nav.main')}>
      {staffNavLinks(me).map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className="tabbar__tab">
          <Icon name={link.icon} size={24} />
          <span>{t(link.label)}</span>
        </NavLink>
      ))}
      {me ? <StaffMenu placement="tab" /> : null}
    </nav>
  );
}

/**
 * The person's menu (a disclosure: a button that shows and hides a panel), in the top bar with
 * their name on it or as the last tab of the bottom bar. Escape closes it and gives focus back
 * to the button; a click or focus outside it closes it too.
 */
function StaffMenu({ placement }: { placement: 'bar' | 'tab' }) {
  const t = useT();
  const { me } = useMe();
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const name = personLabel(me);

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (!root.current?.contains(event.target as Node)) setIsOpen(false);
    }
    function handleKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      if (root.current?.contains(document.activeElement)) toggle.current?.focus();
    }
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isOpen]);

  return (
    <div
      ref={root}
      className={`staff-menu staff-menu--${placement}`}
      onBlur={(event) => {
        // Tabbing on past the last item closes the panel, so it never covers the page.
        const next = event.relatedTarget;
        if (next instanceof Node && !event.currentTarget.contains(next)) setIsOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className={placement === 'tab' ? 'tabbar__tab staff-menu__toggle' : 'staff-menu__toggle'}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
      >
        {placement === 'tab' ? (
          <>
            <Icon name="menu" size={24} />
            <span>{t('shell.menu')}</span>
          </>
        ) : (
          <>
            <Icon name="user" />
            <span className="staff-menu__name">{name ?? t('shell.menu')}</span>
            <Icon name="chevronDown" size={16} className="staff-menu__chevron" />
          </>
        )}
      </button>
      <div id={panelId} className="staff-menu__panel" hidden={!isOpen}>
        {name ? <p className="staff-menu__who">{t('shell.signedInAs', { name })}</p> : null}
        <ul className="staff-menu__list" role="list">
          <li>
            <Link to="/" className="staff-menu__item" onClick={() => setIsOpen(false)}>
              <Icon name="home" />
              <span>{t('shell.toPatient')}</span>
            </Link>
          </li>
          <li>
            <SignOutButton className="staff-menu__item" />
          </li>
        </ul>
      </div>
    </div>
  );
}
