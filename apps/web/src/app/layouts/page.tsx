import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Link, useLocation } from '../../lib/router';
import { Icon } from '../../components/ui/icon';
import { waitingTitle } from '../../features/workspace/waiting';
import { useT } from '../../i18n';
import { useShell } from './shell-context';
import { useStaffAlerts } from './staff-alerts-context';

interface PageProps {
  /**
   * The h1, and the document title unless `documentTitle` is given. In the staff area the title
   * starts with the number of patients waiting today: "(1) Arbeidsflate".
   */
  title: string;
  documentTitle?: string;
  /** The title in the app's top bar (default: the product name). */
  appTitle?: string;
  /** Where "Back" goes: the page above this one. */
  back?: string;
  /** A control at the right of the app's top bar (e.g. Bestill on the confirm step). */
  appAction?: ReactNode;
  /** Above the h1, e.g. the step indicator. */
  before?: ReactNode;
  /** Right of the h1 in the portal layout. */
  headerAside?: ReactNode;
  className?: string;
  children: ReactNode;
}

let isFirstPage = true;

/**
 * One page: its h1 (focused after each navigation so screen readers announce the new page), the
 * document title, and what it puts into the app's top bar.
 */
export function Page({
  title,
  documentTitle,
  appTitle,
  back,
  appAction,
  before,
  headerAside,
  className,
  children,
}: PageProps) {
  const t = useT();
  const { topBar, isWide } = useShell();
  const { waiting } = useStaffAlerts();
  const { pathname } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', {
      page: waitingTitle(documentTitle ?? title, waiting),
    });
  }, [t, title, documentTitle, waiting]);

  useEffect(() => {
    // The first page of a visit keeps the browser's own start; later ones move focus to the h1.
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    heading.current?.focus();
  }, [pathname]);

  return (
    <div className={`page${className ? ` ${className}` : ''}`}>
      {topBar?.back && back
        ? createPortal(
            <Link to={back} className="topbar__back" aria-label={t('app.back')}>
              <Icon name="back" size={24} />
            </Link>,
            topBar.back,
          )
        : null}
      {topBar?.title ? createPortal(appTitle ?? t('app.name'), topBar.title) : null}
      {topBar?.action && appAction ? createPortal(appAction, topBar.action) : null}
      {isWide && back ? (
        <Link to={back} className="page__back">
          <Icon name="chevronLeft" size={18} />
          {t('app.back')}
        </Link>
      ) : null}
      {before}
      <div className="page__header">
        <h1 ref={heading} tabIndex={-1} className="page__title">
          {title}
        </h1>
        {isWide && headerAside ? <div className="page__aside">{headerAside}</div> : null}
      </div>
      {children}
    </div>
  );
}
