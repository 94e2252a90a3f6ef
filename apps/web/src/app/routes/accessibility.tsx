import { useId, type ReactNode } from 'react';
import { fill } from '../../features/accessibility/components/fill';
import { ReportSection } from '../../features/accessibility/components/report-section';
import {
  STATEMENT_LISTS,
  STATEMENT_REVIEWED,
  UUTILSYNET_URL,
  statementTexts,
} from '../../features/accessibility/statement-texts';
import { useI18n } from '../../i18n';
import { Page } from '../layouts/page';

/** "5. desember 2026" in the page's language. */
function formatReviewed(date: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(Date.parse(`${date}T12:00:00Z`));
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * `/tilgjengelighet`, open to anyone: the accessibility statement (which standard Visitt aims
 * at, how it is checked, what works, what does not yet, when it was last reviewed), the way to
 * report a problem to the operator, and Tilsynet for when the answer is not good enough. Its
 * texts come with this page, not with the common catalogue (decision 0031).
 */
export function AccessibilityPage() {
  const { locale, intlLocale } = useI18n();
  const texts = statementTexts[locale];
  const tilsynet = (
    <a className="text-link" href={UUTILSYNET_URL}>
      {texts.complaint.link}
    </a>
  );
  return (
    <Page title={texts.title}>
      <p className="lead">{texts.intro}</p>

      <Section title={texts.standard.title}>
        <p>{texts.standard.text}</p>
        <p>{texts.standard.status}</p>
        <p>{texts.standard.operator}</p>
      </Section>

      <Section title={texts.checked.title}>
        <ul>
          {STATEMENT_LISTS.checked.map((key) => (
            <li key={key}>{texts.checked.items[key]}</li>
          ))}
        </ul>
      </Section>

      <Section title={texts.works.title}>
        <ul>
          {STATEMENT_LISTS.works.map((key) => (
            <li key={key}>{texts.works.items[key]}</li>
          ))}
        </ul>
      </Section>

      <Section title={texts.limits.title}>
        <ul>
          {STATEMENT_LISTS.limits.map((key) => (
            <li key={key}>{texts.limits.items[key]}</li>
          ))}
        </ul>
      </Section>

      <Section title={texts.reviewed.title}>
        <p>
          {fill(texts.reviewed.text, {
            date: (
              <time dateTime={STATEMENT_REVIEWED}>
                {formatReviewed(STATEMENT_REVIEWED, intlLocale)}
              </time>
            ),
          })}
        </p>
      </Section>

      <ReportSection texts={texts.report} tilsynetName={texts.complaint.link} />

      <Section title={texts.complaint.title}>
        <p>{fill(texts.complaint.text, { link: tilsynet })}</p>
      </Section>
    </Page>
  );
}
