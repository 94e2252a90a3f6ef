import type { Modality } from '@visitt/contracts';
import { useNavigate, useParams, usePrefetch } from '../../lib/router';
import { Alert, ErrorState } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { bookingPath } from '../../features/booking/booking-path';
import { StrongAuthNotice } from '../../features/auth/components/strong-auth-notice';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { useClinic } from '../../features/clinics/api/clinics-api';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';
import { clinicPlace } from '@visitt/domain';

/** Step 1 (cont.): the clinic, with **Bestill videokonsultasjon** and the ordinary **Bestill time**. */
export function ClinicPage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/klinikk/_/bestill/behandler');
  const t = useT();
  const navigate = useNavigate();
  const { clinicId = '' } = useParams();
  const clinic = useClinic(clinicId);

  function handleBook(modality: Modality) {
    void navigate(bookingPath('behandler', { clinicId, modality }));
  }

  return (
    <Page
      title={clinic.data?.name ?? t('clinics.clinicFallback')}
      appTitle={t('clinics.clinicFallback')}
      back="/finn-klinikk"
      before={<BookingSteps current="clinic" choice={{ clinicId, modality: 'video' }} />}
    >
      {clinic.isPending ? (
        <LoadingState />
      ) : clinic.isError ? (
        <ErrorState error={clinic.error} onRetry={() => void clinic.refetch()} />
      ) : (
        <>
          <p className="clinic-place">
            <Icon name="clinic" className="muted" />
            <span>{clinicPlace(clinic.data.address, clinic.data.town)}</span>
          </p>
          {clinic.data.offersVideo ? <StrongAuthNotice clinicId={clinicId} /> : null}
          <section className="section" aria-labelledby="booking-choice">
            <h2 id="booking-choice" className="section__title">
              {t('clinics.chooseBooking')}
            </h2>
            <div className="booking-choice">
              {clinic.data.offersVideo ? (
                <div className="booking-choice__option">
                  <Button
                    variant="primary"
                    size="lg"
                    block
                    icon="video"
                    onClick={() => handleBook('video')}
                    aria-describedby="book-video-hint"
                  >
                    {t('clinics.bookVideo')}
                  </Button>
                  <p id="book-video-hint" className="booking-choice__hint">
                    {t('clinics.bookVideoHint')}
                  </p>
                </div>
              ) : (
                <Alert tone="info">
                  <p>{t('clinics.noVideo')}</p>
                </Alert>
              )}
              <div className="booking-choice__option">
                <Button
                  variant="secondary"
                  size="lg"
                  block
                  icon="calendar"
                  onClick={() => handleBook('in_person')}
                  aria-describedby="book-ordinary-hint"
                >
                  {t('clinics.bookOrdinary')}
                </Button>
                <p id="book-ordinary-hint" className="booking-choice__hint">
                  {t('clinics.bookOrdinaryHint')}
                </p>
              </div>
            </div>
          </section>
        </>
      )}
    </Page>
  );
}
