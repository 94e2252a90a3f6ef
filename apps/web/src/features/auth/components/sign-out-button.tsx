import { useT } from '../../../i18n';
import { Icon } from '../../../components/ui/icon';
import { useSignOut } from '../hooks/use-sign-out';

export function SignOutButton({ className }: { className?: string }) {
  const t = useT();
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className={className ?? 'link-button'}
      onClick={() => signOut.mutate()}
      disabled={signOut.isPending}
    >
      <Icon name="logout" />
      <span>{signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}</span>
    </button>
  );
}
