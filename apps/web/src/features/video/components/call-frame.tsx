import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../../../i18n';

/**
 * The full-viewport frame of the video room and its end screens: no header, footer or tabs,
 * but the main landmark and an h1 (visually hidden in the room itself), focused when it
 * changes so a screen reader says where the person is now.
 */
export function CallFrame({
  title,
  isTitleHidden = false,
  tone = 'dark',
  children,
}: {
  title: string;
  isTitleHidden?: boolean;
  /** `dark` for the call, `light` for the end and failure screens. */
  tone?: 'dark' | 'light';
  children: ReactNode;
}) {
  const t = useT();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    heading.current?.focus();
  }, [title]);

  return (
    <div className={`call call--${tone}`}>
      <main id="main" className="call__main" aria-labelledby={headingId}>
        <h1
          id={headingId}
          ref={heading}
          tabIndex={-1}
          className={isTitleHidden ? 'visually-hidden' : 'call__title'}
        >
          {title}
        </h1>
        {children}
      </main>
    </div>
  );
}
