import type { Clinic } from '@visitt/contracts';
import { isProfileComplete } from '@visitt/domain';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, usePrefetch } from '../../lib/router';
import { Alert, ErrorState, useErrorMessage } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import {
  useAppointmentTypes,
  useBookAppointment,
  usePractitioners,
} from '../../features/booking/api/booking-api';
import { bookingPath } from '../../features/booking/booking-path';
import { typeWithDuration } from '../../features/booking/type-label';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { CommentField } from '../../features/booking/components/comment-field';
import { InvalidBookingLink } from '../../features/booking/components/invalid-booking-link';
import { TimeZoneNote } from '../../features/booking/components/time-zone-note';
import { completeChoice, useBookingChoice } from '../../features/booking/hooks/use-booking-choice';
import { useBookingComment } from '../../features/booking/hooks/use-booking-comment';
import { useClinic } from '../../features/clinics/api/clinics-api';
import { StrongAuthNotice } from '../../features/auth/components/strong-auth-notice';
import { useMe } from '../../features/auth/hooks/use-me';
import { ProfileStep } from '../../features/profile/components/profile-step';
import { useFormat, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { localDateOf } from '../../lib/dates';
import { Page } from '../layouts/page';
import { useShell } from '../layouts/shell-context';

type Choice = NonNullable<ReturnType<typeof completeChoice>>;

const FORM_ID = 'booking-confirm';

/** Refusals that send the patient back to pick another time, with the reason shown there. */
const BACK_TO_TIMES = ['slot_taken', 'slot_unavailable', 'too_soon', 'beyond_horizon'] as const;

/** Refusals answered on this page by something other than an error message. */
const HANDLED = [...BACK_TO_TIMES, 'profile_incomplete'] as const;

/**
 * Step 5: the summary, the optional comment and the confirm control — **Bestill** at the top right
 * in the app (after the comment in reading and tab order), **Bekreft** at the bottom right in the
 * portal. A patient who has not yet said who
 * they are is asked first (**Hvem er du?**), then the booking goes on with the same time and
 * comment.
 */
export function BookingConfirmPage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/timer/_/bekreftet');
  const t = useT();
  const raw = useBookingChoice();
  const choice = completeChoice(raw, ['practitionerId', 'appointmentTypeId', 'start']);
  const clinic = useClinic(choice?.clinicId);
  if (!choice) {
    return (
      <Page title={t('booking.confirmTitle')} back="/finn-klinikk">
        <InvalidBookingLink clinicId={raw.clinicId} />
      </Page>
    );
  }
  if (clinic.isError) {
    return (
      <Page title={t('booking.confirmTitle')} back={bookingPath('tid', choice)}>
        <ErrorState error={clinic.error} onRetry={() => void clinic.refetch()} />
      </Page>
    );
  }
  // A new booking (another practitioner, type or time) is a new step, with its own comment.
  return (
    <ConfirmStep
      key={`${choice.practitionerId}|${choice.appointmentTypeId}|${choice.start}`}
      choice={choice}
      clinic={clinic.data}
    />
  );
}

function ConfirmStep({ choice, clinic }: { choice: Choice; clinic: Clinic | undefined }) {
  const t = useT();
  const format = useFormat();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { isWide } = useShell();
  const summaryId = useId();
  const practitioners = usePractitioners(choice.clinicId, choice.modality);
  const types = useAppointmentTypes(choice.clinicId, choice.practitionerId, choice.modality);
  const book = useBookAppointment();
  const { me } = useMe();
  const [isProfileStepOpen, setProfileStepOpen] = useState(false);
  const {
    text: comment,
    set: setComment,
    keepForNewTime: keepCommentForNewTime,
    clear: clearComment,
  } = useBookingComment(choice);

  const practitioner = practitioners.data?.find((p) => p.id === choice.practitionerId);
  const type = types.data?.find((candidate) => candidate.id === choice.appointmentTypeId);
  const zone = clinic?.timeZone;
  const isLoading = !clinic || practitioners.isPending || types.isPending;
  const timesPath = zone
    ? bookingPath('tid', choice, { dag: localDateOf(choice.start, zone) })
    : bookingPath('tid', choice);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (book.isPending || isLoading) return;
    if (me && !isProfileComplete(me)) {
      setProfileStepOpen(true);
      return;
    }
    submitBooking();
  }

  function submitBooking() {
    const trimmed = comment.trim();
    book.mutate(
      {
        practitionerId: choice.practitionerId,
        appointmentTypeId: choice.appointmentTypeId,
        start: choice.start,
        ...(trimmed ? { comment: trimmed } : {}),
      },
      {
        onSuccess: (appointment) => {
          clearComment();
          void navigate(`/timer/${appointment.id}/bekreftet`, { replace: true });
        },
        onError: (error) => {
          const code = isApiError(error) ? error.code : null;
          // Known only to the server (another tab may have been used): ask here, then go on.
          if (code === 'profile_incomplete') {
            setProfileStepOpen(true);
            return;
          }
          const back = BACK_TO_TIMES.find((candidate) => candidate === code);
          if (back && zone) {
            keepCommentForNewTime();
            void navigate(
              bookingPath('tid', choice, { dag: localDateOf(choice.start, zone), feil: back }),
              { replace: true },
            );
          }
        },
      },
    );
  }

  const submitLabel = book.isPending
    ? t('booking.booking')
    : isWide
      ? t('booking.confirm')
      : t('booking.book');
  const submit = (
    <Button
      type="submit"
      form={FORM_ID}
      variant="primary"
      size={isWide ? 'lg' : 'md'}
      isBusy={book.isPending}
      aria-disabled={book.isPending || isLoading || undefined}
      className={isWide ? undefined : 'confirm__app-submit'}
    >
      {submitLabel}
    </Button>
  );
  // On the phone Bestill is shown at the right of the top bar, but it comes after the comment in
  // the page, so that reading and tab order go through the form first. This invisible twin keeps
  // its room in the bar, so the title beside it is laid out around it.
  const submitRoom = (
    <span className="btn btn--primary btn--md topbar__action topbar__room" aria-hidden="true">
      {submitLabel}
    </span>
  );

  return (
    <Page
      title={t('booking.confirmTitle')}
      appTitle={t(choice.modality === 'video' ? 'booking.flowVideo' : 'booking.flowOrdinary')}
      back={timesPath}
      appAction={submitRoom}
      before={<BookingSteps current="confirm" choice={choice} />}
    >
      {book.isError && !HANDLED.some((code) => isApiError(book.error, code)) ? (
        <Alert tone="error" className="alert--spaced">
          <p>{errorMessage(book.error)}</p>
        </Alert>
      ) : null}
      {isLoading ? (
        <LoadingState />
      ) : (
        <form id={FORM_ID} className="confirm" onSubmit={handleSubmit} aria-labelledby={summaryId}>
          <section className="card confirm__summary" aria-labelledby={summaryId}>
            <h2 id={summaryId} className="section__title">
              {t('booking.summary')}
            </h2>
            {!practitioner || !type ? (
              <Alert tone="warning">
                <p>{t('booking.slotMissing')}</p>
              </Alert>
            ) : null}
            <dl className="details">
              <div className="details__row">
                <dt>{t('booking.clinic')}</dt>
                <dd>
                  {clinic.name}
                  {clinic.town ? <span className="muted"> · {clinic.town}</span> : null}
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('booking.practitioner')}</dt>
                <dd>
                  {practitioner?.name ?? '—'}
                  {practitioner?.title ? (
                    <span className="muted"> · {practitioner.title}</span>
                  ) : null}
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('booking.type')}</dt>
                <dd>
                  {type
                    ? typeWithDuration(
                        type.name,
                        type.durationMinutes,
                        t('booking.duration', { minutes: type.durationMinutes }),
                      )
                    : '—'}
                </dd>
              </div>
              <div className="details__row">
                <dt>{t('booking.dateTime')}</dt>
                <dd>
                  <strong>{format.dateTime(choice.start, clinic.timeZone)}</strong>{' '}
                  <Link
                    to={timesPath}
                    className="text-link details__change"
                    onClick={keepCommentForNewTime}
                  >
                    {t('booking.changeTime')}
                  </Link>
                </dd>
              </div>
            </dl>
            <TimeZoneNote timeZone={clinic.timeZone} />
          </section>
          {/* In the portal this sits beside the summary, so Bekreft is in view on a laptop. */}
          <div className="confirm__side">
            {choice.modality === 'video' ? <StrongAuthNotice clinicId={choice.clinicId} /> : null}
            <CommentField value={comment} onChange={setComment} />
            {isWide ? <div className="form-actions form-actions--end">{submit}</div> : submit}
          </div>
        </form>
      )}
      <ProfileStep
        isOpen={isProfileStepOpen}
        me={me}
        onClose={() => setProfileStepOpen(false)}
        onSaved={() => {
          setProfileStepOpen(false);
          submitBooking();
        }}
      />
    </Page>
  );
}
