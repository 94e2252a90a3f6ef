import { Link, usePrefetch } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { useAppointmentTypes, usePractitioners } from '../../features/booking/api/booking-api';
import { bookingPath, type BookingChoice } from '../../features/booking/booking-path';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { InvalidBookingLink } from '../../features/booking/components/invalid-booking-link';
import { completeChoice, useBookingChoice } from '../../features/booking/hooks/use-booking-choice';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/** Step 3: the appointment type (name, duration, short description). */
export function BookingTypePage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/klinikk/_/bestill/tid');
  const t = useT();
  const raw = useBookingChoice();
  const choice = completeChoice(raw, ['practitionerId']);
  if (!choice) {
    return (
      <Page title={t('booking.typeTitle')} back="/finn-klinikk">
        <InvalidBookingLink clinicId={raw.clinicId} />
      </Page>
    );
  }
  return <TypeStep choice={choice} />;
}

function TypeStep({ choice }: { choice: BookingChoice & { practitionerId: string } }) {
  const t = useT();
  const types = useAppointmentTypes(choice.clinicId, choice.practitionerId, choice.modality);
  const practitioners = usePractitioners(choice.clinicId, choice.modality);
  const practitioner = practitioners.data?.find((p) => p.id === choice.practitionerId);

  return (
    <Page
      title={t('booking.typeTitle')}
      appTitle={t(choice.modality === 'video' ? 'booking.flowVideo' : 'booking.flowOrdinary')}
      back={bookingPath('behandler', choice)}
      before={<BookingSteps current="type" choice={choice} />}
    >
      <p className="lead">
        {practitioner ? <span className="lead__clinic">{practitioner.name}. </span> : null}
        {t('booking.typeIntro')}
      </p>
      {types.isPending ? (
        <LoadingState />
      ) : types.isError ? (
        <ErrorState error={types.error} onRetry={() => void types.refetch()} />
      ) : types.data.length === 0 ? (
        <p className="empty">{t('booking.noTypes')}</p>
      ) : (
        <ul className="card-list" role="list">
          {types.data.map((type) => (
            <li key={type.id}>
              <Link
                to={bookingPath('tid', { ...choice, appointmentTypeId: type.id })}
                className="choice-card"
              >
                <Icon
                  name={type.modality === 'video' ? 'video' : 'clinic'}
                  size={24}
                  className="choice-card__icon"
                />
                <span className="choice-card__body">
                  <span className="choice-card__title">{type.name}</span>
                  <span className="choice-card__meta">
                    <Icon name="clock" size={14} />{' '}
                    {t('booking.duration', { minutes: type.durationMinutes })}
                  </span>
                  {type.description ? (
                    <span className="choice-card__extra">{type.description}</span>
                  ) : null}
                </span>
                <Icon name="chevronRight" className="choice-card__chevron" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
