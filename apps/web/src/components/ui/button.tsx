import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from '../../lib/router';
import { Icon, type IconName } from './icon';
import { Spinner } from './spinner';

export type ButtonVariant =
  'primary' | 'start' | 'secondary' | 'danger' | 'danger-outline' | 'ghost';

interface StyleProps {
  variant?: ButtonVariant;
  size?: 'md' | 'lg';
  /** Full width of its container (the app's style). */
  block?: boolean;
  icon?: IconName;
}

function classes(
  { variant = 'primary', size = 'md', block = false }: StyleProps,
  extra?: string,
): string {
  return ['btn', `btn--${variant}`, `btn--${size}`, block ? 'btn--block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, StyleProps {
  /** Shows a spinner and marks the button busy; it stays focusable. */
  isBusy?: boolean;
  /** For moving focus back to the button (e.g. when the form it opened closes). */
  ref?: Ref<HTMLButtonElement>;
  children: ReactNode;
}

/** A button for an action on this page. For going somewhere else, use {@link ButtonLink}. */
export function Button({
  variant,
  size,
  block,
  icon,
  isBusy = false,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={classes({ variant, size, block }, className)}
      aria-busy={isBusy || undefined}
      {...rest}
    >
      {isBusy ? <Spinner size="sm" /> : icon ? <Icon name={icon} /> : null}
      <span>{children}</span>
    </button>
  );
}

interface ButtonLinkProps extends LinkProps, StyleProps {
  children: ReactNode;
}

/** A link that looks like a button: it goes to another page. */
export function ButtonLink({
  variant,
  size,
  block,
  icon,
  className,
  children,
  ...rest
}: ButtonLinkProps) {
  return (
    <Link className={classes({ variant, size, block }, className)} {...rest}>
      {icon ? <Icon name={icon} /> : null}
      <span>{children}</span>
    </Link>
  );
}
