import { Link, usePrefetch } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { usePractitioners } from '../../features/booking/api/booking-api';
import { bookingPath, type BookingChoice } from '../../features/booking/booking-path';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { InvalidBookingLink } from '../../features/booking/components/invalid-booking-link';
import { useBookingChoice } from '../../features/booking/hooks/use-booking-choice';
import { useClinic } from '../../features/clinics/api/clinics-api';
import { useFormat, useT } from '../../i18n';
import { Page } from '../layouts/page';

/** Step 2: the practitioners who offer the chosen kind of appointment and have free time. */
export function BookingPractitionerPage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/klinikk/_/bestill/type');
  const t = useT();
  const raw = useBookingChoice();
  const title = t('booking.practitionerTitle');
  if (!raw.clinicId || !raw.modality) {
    return (
      <Page title={title} back="/finn-klinikk">
        <InvalidBookingLink clinicId={raw.clinicId} />
      </Page>
    );
  }
  return <PractitionerStep choice={{ clinicId: raw.clinicId, modality: raw.modality }} />;
}

function PractitionerStep({ choice }: { choice: BookingChoice }) {
  const t = useT();
  const format = useFormat();
  const clinic = useClinic(choice.clinicId);
  const practitioners = usePractitioners(choice.clinicId, choice.modality);
  const zone = clinic.data?.timeZone;
  const isVideo = choice.modality === 'video';

  return (
    <Page
      title={t('booking.practitionerTitle')}
      appTitle={t(isVideo ? 'booking.flowVideo' : 'booking.flowOrdinary')}
      back={`/klinikk/${choice.clinicId}`}
      before={<BookingSteps current="practitioner" choice={choice} />}
    >
      <p className="lead">
        {clinic.data ? <span className="lead__clinic">{clinic.data.name}. </span> : null}
        {t(isVideo ? 'booking.practitionerIntroVideo' : 'booking.practitionerIntroOrdinary')}
      </p>
      {practitioners.isPending || clinic.isPending ? (
        <LoadingState />
      ) : practitioners.isError || clinic.isError ? (
        <ErrorState
          error={practitioners.error ?? clinic.error}
          onRetry={() => {
            void practitioners.refetch();
            void clinic.refetch();
          }}
        />
      ) : practitioners.data.length === 0 ? (
        <p className="empty">{t('booking.noPractitioners')}</p>
      ) : (
        <ul className="card-list" role="list">
          {practitioners.data.map((practitioner) => (
            <li key={practitioner.id}>
              <Link
                to={bookingPath('type', { ...choice, practitionerId: practitioner.id })}
                className="choice-card"
              >
                <Icon name="user" size={24} className="choice-card__icon" />
                <span className="choice-card__body">
                  <span className="choice-card__title">{practitioner.name}</span>
                  {practitioner.title ? (
                    <span className="choice-card__meta">{practitioner.title}</span>
                  ) : null}
                  <span className="choice-card__extra">
                    {practitioner.nextFreeSlot && zone
                      ? t('booking.nextFree', {
                          when: format.dateTime(practitioner.nextFreeSlot, zone),
                        })
                      : t('booking.noNextFree')}
                  </span>
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
