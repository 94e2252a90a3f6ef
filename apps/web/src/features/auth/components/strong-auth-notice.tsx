import { useLocation } from '../../../lib/router';
import { Alert } from '../../../components/ui/alert';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { useClinic } from '../../clinics/api/clinics-api';
import { useAuthProviders } from '../api/auth-api';
import { useMe } from '../hooks/use-me';
import { needsStrongAuth, oidcStartUrl } from '../sign-in-helpers';

/** The path of this page, for coming back after the identity provider. */
function useHere(): string {
  const location = useLocation();
  return location.pathname + location.search;
}

/**
 * For a patient signed in with a one-time code, at a clinic that requires strong sign-in for
 * video consultations: says so before they count on it, with "Logg inn med ID-porten" (which
 * links the identity to this account and comes back here) where the provider is configured, or
 * that the clinic must be contacted where it is not. Nothing for anyone else.
 */
export function StrongAuthNotice({ clinicId }: { clinicId: string }) {
  const t = useT();
  const { me } = useMe();
  const clinic = useClinic(clinicId);
  const provider = useAuthProviders().patient;
  const here = useHere();
  if (!clinic.data || !needsStrongAuth(me, clinic.data)) return null;
  const name = clinic.data.name;
  return (
    <Alert tone="warning" title={t('strongAuth.noticeTitle')} className="strong-auth-notice">
      {provider ? (
        <>
          <p>{t('strongAuth.noticeText', { clinic: name, provider: provider.name })}</p>
          <a
            className="btn btn--primary btn--md"
            href={oidcStartUrl(provider.startPath, here, { link: true })}
          >
            <Icon name="user" />
            <span>{t('strongAuth.signInWith', { name: provider.name })}</span>
          </a>
          <p className="muted">{t('strongAuth.noticeBack')}</p>
        </>
      ) : (
        <p>{t('strongAuth.noticeNoProvider', { clinic: name })}</p>
      )}
    </Alert>
  );
}

/**
 * The refusal of a video start for want of strong sign-in (`strong_auth_required`): the message,
 * and the identity provider's sign-in (back to this page) where it is configured.
 */
export function StrongAuthRequired() {
  const t = useT();
  const provider = useAuthProviders().patient;
  const here = useHere();
  return (
    <>
      {t('errors.strong_auth_required')}
      {provider ? (
        <a
          className="text-link start-video__strong-auth"
          href={oidcStartUrl(provider.startPath, here, { link: true })}
        >
          {t('strongAuth.signInWith', { name: provider.name })}
        </a>
      ) : null}
    </>
  );
}
