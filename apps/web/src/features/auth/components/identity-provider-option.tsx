import type { OidcKind } from '@visitt/contracts';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { useAuthProviders } from '../api/auth-api';
import { oidcStartUrl } from '../sign-in-helpers';

/**
 * "Logg inn med ID-porten" (patients) or "Logg inn med HelseID" (staff), with "eller" below it
 * before the form that follows — only where the installation has that provider: otherwise
 * nothing at all. The button is a plain link, since the sign-in leaves the app for the provider.
 * `link`: link the identity to the signed-in account instead of signing in to another one.
 */
export function IdentityProviderOption({
  kind,
  next,
  link = false,
}: {
  kind: OidcKind;
  next: string;
  link?: boolean;
}) {
  const t = useT();
  const provider = useAuthProviders()[kind];
  if (!provider) return null;
  return (
    <div className="idp-option">
      <a
        className="btn btn--secondary btn--lg btn--block"
        href={oidcStartUrl(provider.startPath, next, { link })}
      >
        <Icon name="user" />
        <span>{t('strongAuth.signInWith', { name: provider.name })}</span>
      </a>
      <p className="idp-option__or" aria-hidden="true">
        {t('strongAuth.or')}
      </p>
    </div>
  );
}
