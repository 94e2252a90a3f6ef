import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from '../../../lib/router';
import { useT } from '../../../i18n';
import { ADMIN_PAGES, adminPath } from '../admin-access';

/**
 * The admin area's sub-navigation: the six pages of one clinic, the current one marked with
 * `aria-current="page"` (by `NavLink`). On a phone it is a row that scrolls sideways; the
 * current page is scrolled into sight.
 */
export function AdminNav({ clinicId, clinicName }: { clinicId: string; clinicName: string }) {
  const t = useT();
  const { pathname } = useLocation();
  const nav = useRef<HTMLElement>(null);

  useEffect(() => {
    const element = nav.current;
    const current = element?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!element || !current || element.scrollWidth <= element.clientWidth) return;
    // Sideways only: scrollIntoView could move the whole page too.
    element.scrollLeft = current.offsetLeft - (element.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);

  return (
    <nav ref={nav} className="admin-nav" aria-label={t('admin.subnav', { clinic: clinicName })}>
      <ul className="admin-nav__list" role="list">
        {ADMIN_PAGES.map((page) => (
          <li key={page}>
            <NavLink to={adminPath(clinicId, page)} className="admin-nav__link">
              {t(`admin.pages.${page}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
