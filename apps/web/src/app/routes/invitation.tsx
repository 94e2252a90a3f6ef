import type { AcceptedInvitation, InvitationState, PublicInvitation } from '@visitt/contracts';
import { useState } from 'react';
import { useParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { useInvitation } from '../../features/auth/api/invitation-api';
import {
  AcceptInvitationForm,
  InvitationAccepted,
  staffHome,
  useRoleList,
} from '../../features/auth/components/accept-invitation';
import { useMe } from '../../features/auth/hooks/use-me';
import { signInPath } from '../../features/auth/return-path';
import { staffSignInPath } from '../../features/auth/staff';
import { useFormat, useT, type TranslationKey } from '../../i18n';
import { isApiError } from '../../lib/api';
import { browserTimeZone } from '../../lib/dates';
import { Page } from '../layouts/page';

const closed: Record<Exclude<InvitationState, 'pending'>, [TranslationKey, TranslationKey]> = {
  expired: ['invitation.expiredTitle', 'invitation.expiredText'],
  accepted: ['invitation.usedTitle', 'invitation.usedText'],
  revoked: ['invitation.revokedTitle', 'invitation.revokedText'],
};

/**
 * `/invitasjon/:token`: the link in a staff invitation. Shows the clinic and the role(s); the
 * invited person signs in with a one-time code to the address it was sent to, chooses the
 * password for the staff sign-in and accepts; then the staff sign-in (password, then setting up
 * the authenticator app). Expired, used, withdrawn and unknown links say so.
 */
export function InvitationPage() {
  const t = useT();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const { me, isLoading: meLoading } = useMe();
  const [accepted, setAccepted] = useState<AcceptedInvitation | null>(null);

  if (accepted) {
    return (
      <Page
        title={t('invitation.acceptedTitle', { clinic: accepted.clinicName })}
        className="page--narrow"
      >
        <div className="invitation">
          <InvitationAccepted accepted={accepted} me={me} />
        </div>
      </Page>
    );
  }
  if (invitation.isPending || meLoading) {
    return (
      <Page title={t('invitation.title')} className="page--narrow">
        <LoadingState />
      </Page>
    );
  }
  if (invitation.isError) {
    const unknown = isApiError(invitation.error, 'not_found', 'validation_failed');
    return (
      <Page
        title={unknown ? t('invitation.notFoundTitle') : t('invitation.title')}
        className="page--narrow"
      >
        {unknown ? (
          <p className="lead">{t('invitation.notFoundText')}</p>
        ) : (
          <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />
        )}
      </Page>
    );
  }

  const data = invitation.data;
  if (data.state !== 'pending') {
    const [title, text] = closed[data.state];
    return (
      <Page title={t(title)} className="page--narrow">
        <p className="lead">{t(text)}</p>
        {data.state === 'accepted' ? (
          <ButtonLink to={staffSignInPath(staffHome(data.roles))} icon="user">
            {t('invitation.staffSignIn')}
          </ButtonLink>
        ) : null}
      </Page>
    );
  }

  return (
    <Page title={t('invitation.titleFor', { clinic: data.clinicName })} className="page--narrow">
      <p className="lead">{t('invitation.intro', { clinic: data.clinicName })}</p>
      <div className="invitation">
        <InvitationFacts invitation={data} />
        {me ? (
          <AcceptInvitationForm token={token} me={me} onAccepted={setAccepted} />
        ) : (
          <div className="card">
            <p>{t('invitation.signInFirst')}</p>
            <ButtonLink to={signInPath(`/invitasjon/${token}`)} size="lg" icon="mail">
              {t('invitation.signIn')}
            </ButtonLink>
          </div>
        )}
      </div>
    </Page>
  );
}

function InvitationFacts({ invitation }: { invitation: PublicInvitation }) {
  const t = useT();
  const format = useFormat();
  const roleList = useRoleList();
  const roles = roleList(invitation.roles);
  return (
    <dl className="details invitation__facts card">
      <div className="details__row">
        <dt>{t('invitation.roles')}</dt>
        <dd>{roles.charAt(0).toLocaleUpperCase() + roles.slice(1)}</dd>
      </div>
      <div className="details__row">
        <dt>{t('invitation.validUntil')}</dt>
        <dd>{format.dateTime(invitation.expiresAt, browserTimeZone())}</dd>
      </div>
    </dl>
  );
}
