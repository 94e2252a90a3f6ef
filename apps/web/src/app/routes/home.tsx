import { useId } from 'react';
import { Link } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { ButtonLink } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { useMyAppointments } from '../../features/appointments/api/appointments-api';
import { splitAppointments } from '../../features/appointments/appointment-state';
import { AppointmentCard } from '../../features/appointments/components/appointment-cards';
import { AppointmentTable } from '../../features/appointments/components/appointment-table';
import { useMe } from '../../features/auth/hooks/use-me';
import { StartBookingButton } from '../../features/booking/components/start-booking-button';
import { useT } from '../../i18n';
import { useNow } from '../../lib/use-now';
import { Page } from '../layouts/page';
import { useShell } from '../layouts/shell-context';

/** Home: in the app, the green Start and the next appointment; in the portal, the list of appointments. */
export function HomePage() {
  const { isWide } = useShell();
  const { me, isLoading } = useMe();
  if (isLoading) return <LoadingState />;
  if (isWide) return me ? <PortalAppointments /> : <PortalWelcome />;
  return <AppHome />;
}

function AppHome() {
  const t = useT();
  const { me } = useMe();
  const hintId = useId();
  const title = me?.name ? t('home.greeting', { name: me.name }) : t('home.welcome');
  return (
    <Page title={title} documentTitle={t('home.title')} className="home">
      <p className="lead">{t('home.intro')}</p>
      <section className="start-panel">
        <p id={hintId} className="start-panel__hint">
          {t('home.startHint')}
        </p>
        <StartBookingButton layout="app" describedBy={hintId} />
      </section>
      {me ? <NextAppointment /> : <HowItWorks />}
    </Page>
  );
}

function NextAppointment() {
  const t = useT();
  const now = useNow(60_000);
  const appointments = useMyAppointments();
  const headingId = useId();
  const next = appointments.data
    ? splitAppointments(appointments.data, now).upcoming[0]
    : undefined;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('home.nextAppointment')}
      </h2>
      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.isError ? (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : next ? (
        <>
          <AppointmentCard appointment={next} />
          <p>
            <Link to="/timer" className="text-link">
              {t('home.seeAll')}
            </Link>
          </p>
        </>
      ) : (
        <p className="empty">{t('home.noUpcoming')}</p>
      )}
    </section>
  );
}

function HowItWorks() {
  const t = useT();
  const headingId = useId();
  return (
    <section className="section how" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('home.howTitle')}
      </h2>
      <ol className="how__list">
        <li>{t('home.how1')}</li>
        <li>{t('home.how2')}</li>
        <li>{t('home.how3')}</li>
      </ol>
    </section>
  );
}

function PortalWelcome() {
  const t = useT();
  return (
    <Page title={t('home.welcome')} documentTitle={t('home.title')} className="home home--portal">
      <div className="hero">
        <p className="lead">{t('home.intro')}</p>
        <p>{t('home.signedOutPortal')}</p>
        <ButtonLink to="/logg-inn" variant="secondary" icon="user">
          {t('nav.signIn')}
        </ButtonLink>
      </div>
      <HowItWorks />
    </Page>
  );
}

function PortalAppointments() {
  const t = useT();
  const now = useNow(60_000);
  const appointments = useMyAppointments();
  const upcoming = appointments.data ? splitAppointments(appointments.data, now).upcoming : [];
  return (
    <Page title={t('home.portalTitle')} className="home home--portal">
      <p className="lead">{t('home.portalIntro')}</p>
      {appointments.isPending ? (
        <LoadingState />
      ) : appointments.isError ? (
        <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />
      ) : upcoming.length > 0 ? (
        <AppointmentTable appointments={upcoming} caption={t('appointments.upcoming')} />
      ) : (
        <div className="empty-card">
          <Icon name="calendar" size={32} className="muted" />
          <p>{t('appointments.noUpcoming')}</p>
        </div>
      )}
      <p className="after-list">
        <Link to="/timer?vis=tidligere" className="text-link">
          {t('home.pastLink')}
        </Link>
      </p>
    </Page>
  );
}
