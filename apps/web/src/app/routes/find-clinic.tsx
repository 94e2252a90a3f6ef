import { useEffect, useId, useState, type FormEvent } from 'react';
import { usePrefetch, useSearchParams } from '../../lib/router';
import { ErrorState } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Icon } from '../../components/ui/icon';
import { LoadingState } from '../../components/ui/spinner';
import { BookingSteps } from '../../features/booking/components/booking-steps';
import { useClinicSearch } from '../../features/clinics/api/clinics-api';
import { ClinicList } from '../../features/clinics/components/clinic-list';
import { useT } from '../../i18n';
import { Page } from '../layouts/page';

/** Step 1: find the clinic by name or town; clinics used before come first, under their own heading. */
export function FindClinicPage() {
  // The next step's page, fetched while this one is read.
  usePrefetch('/klinikk/_');
  const t = useT();
  const inputId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = searchParams.get('q') ?? '';
  const [text, setText] = useState(query);
  const clinics = useClinicSearch(query);

  // Search as the patient types, a moment after the last key (the URL keeps the search for Back).
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === query) return;
    const timer = window.setTimeout(
      () => setSearchParams(trimmed ? { q: trimmed } : {}, { replace: true }),
      300,
    );
    return () => window.clearTimeout(timer);
  }, [text, query, setSearchParams]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    setSearchParams(trimmed ? { q: trimmed } : {}, { replace: true });
  }

  const list = clinics.data ?? [];
  const usedBefore = list.filter((clinic) => clinic.usedBefore);
  const others = list.filter((clinic) => !clinic.usedBefore);

  return (
    <Page
      title={t('clinics.findTitle')}
      appTitle={t('clinics.findTitle')}
      back="/"
      before={<BookingSteps current="clinic" />}
    >
      <p className="lead">{t('clinics.findIntro')}</p>
      <form role="search" className="search" onSubmit={handleSubmit}>
        <label htmlFor={inputId} className="field__label">
          {t('clinics.searchLabel')}
        </label>
        <div className="search__row">
          <span className="search__input-wrap">
            <Icon name="search" className="search__icon" />
            <input
              id={inputId}
              type="search"
              className="input search__input"
              value={text}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
              enterKeyHint="search"
            />
          </span>
          <Button type="submit" variant="secondary">
            {t('clinics.search')}
          </Button>
        </div>
      </form>
      <p className="visually-hidden" role="status">
        {clinics.isSuccess && !clinics.isPlaceholderData
          ? t('clinics.resultCount', { count: list.length })
          : ''}
      </p>
      {clinics.isPending ? (
        <LoadingState />
      ) : clinics.isError ? (
        <ErrorState error={clinics.error} onRetry={() => void clinics.refetch()} />
      ) : list.length === 0 ? (
        <p className="empty">
          {query ? t('clinics.noResults', { query }) : t('clinics.noClinics')}
        </p>
      ) : (
        <div className={clinics.isPlaceholderData ? 'is-stale' : undefined}>
          {usedBefore.length > 0 ? (
            <ClinicList title={t('clinics.usedBefore')} clinics={usedBefore} />
          ) : null}
          {others.length > 0 ? (
            <ClinicList
              title={query ? t('clinics.searchResults') : t('clinics.allClinics')}
              clinics={others}
            />
          ) : null}
        </div>
      )}
    </Page>
  );
}
