import { ErrorCode } from '@visitt/contracts';
import { Alert } from '../../../components/ui/alert';
import { useT } from '../../../i18n';

/**
 * Why a sign-in with the identity provider did not go through, from `?feil=<code>` (where the
 * server's OpenID Connect callback sends the browser back to). An unknown code says the sign-in
 * was not completed; no `feil` shows nothing.
 */
export function SignInRefusal({ code }: { code: string | null }) {
  const t = useT();
  if (code == null) return null;
  const parsed = ErrorCode.safeParse(code);
  return (
    <Alert tone="error">
      <p>{t(`errors.${parsed.success ? parsed.data : 'oidc_failed'}`)}</p>
    </Alert>
  );
}
