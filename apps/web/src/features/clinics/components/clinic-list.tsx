import type { Clinic } from '@visitt/contracts';
import { useId } from 'react';
import { Link } from '../../../lib/router';
import { Icon } from '../../../components/ui/icon';
import { useT } from '../../../i18n';
import { clinicPlace } from '@visitt/domain';

/** A titled list of clinics, each a link to its page. */
export function ClinicList({ title, clinics }: { title: string; clinics: Clinic[] }) {
  const t = useT();
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {title}
      </h2>
      <ul className="card-list" role="list">
        {clinics.map((clinic) => (
          <li key={clinic.id}>
            <Link to={`/klinikk/${clinic.id}`} className="choice-card">
              <Icon name="clinic" size={24} className="choice-card__icon" />
              <span className="choice-card__body">
                <span className="choice-card__title">{clinic.name}</span>
                <span className="choice-card__meta">
                  {clinicPlace(clinic.address, clinic.town)}
                </span>
                {clinic.offersVideo ? (
                  <span className="tag">
                    <Icon name="video" size={14} />
                    {t('clinics.offersVideo')}
                  </span>
                ) : null}
              </span>
              <Icon name="chevronRight" className="choice-card__chevron" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
