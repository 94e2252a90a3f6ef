import { useId } from 'react';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { consultationRecordUrl } from '../api/record-api';

/**
 * The consultation record for the patient journal, to download: a one-page PDF in the clinic's
 * language, or a FHIR R4 Encounter for a journal system that imports it. Each download is
 * audited by the server.
 */
export function ConsultationRecordLinks({ appointmentId }: { appointmentId: string }) {
  const t = useT();
  const heading = useId();
  return (
    <div className="cal-record" role="group" aria-labelledby={heading}>
      <h3 id={heading} className="cal-record__title">
        {t('calendar.record.heading')}
      </h3>
      <p className="note">{t('calendar.record.explanation')}</p>
      <div className="cal-record__links">
        <a
          className="btn btn--secondary btn--md"
          href={consultationRecordUrl(appointmentId, 'pdf')}
          download
        >
          <Icon name="download" />
          <span>{t('calendar.record.pdf')}</span>
        </a>
        <a
          className="btn btn--secondary btn--md"
          href={consultationRecordUrl(appointmentId, 'fhir')}
          download
        >
          <Icon name="download" />
          <span>{t('calendar.record.fhir')}</span>
        </a>
      </div>
    </div>
  );
}
