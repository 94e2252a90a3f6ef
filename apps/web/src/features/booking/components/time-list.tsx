import type { Slot } from '@visitt/contracts';
import { useId } from 'react';
import { Link } from '../../../lib/router';
import { useFormat, useT } from '../../../i18n';
import { toZoned } from '../../../lib/calendar-dates';

type PartOfDay = 'night' | 'morning' | 'afternoon' | 'evening';

/** Night before 06, morning before 12, afternoon before 17, then evening — on the clinic's clock. */
function partOfDay(hour: number): PartOfDay {
  return hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 17 ? 'afternoon' : 'evening';
}

/** Above this many times a day, they are grouped by part of the day so the list stays scannable. */
const GROUP_FROM = 12;

/** The free times of one day, as links to the confirm step. */
export function TimeList({
  day,
  slots,
  timeZone,
  hrefFor,
}: {
  day: string;
  slots: Slot[];
  timeZone: string;
  hrefFor: (slot: Slot) => string;
}) {
  const t = useT();
  const format = useFormat();
  const headingId = useId();

  const groups = new Map<PartOfDay, Slot[]>();
  for (const slot of slots) {
    const part =
      slots.length > GROUP_FROM ? partOfDay(toZoned(slot.start, timeZone).hour) : 'morning';
    groups.set(part, [...(groups.get(part) ?? []), slot]);
  }

  const list = (items: Slot[]) => (
    <ul className="times__list" role="list">
      {items.map((slot) => (
        <li key={slot.start}>
          <Link to={hrefFor(slot)} className="times__slot">
            {format.time(slot.start, timeZone)}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <section className="times" aria-labelledby={headingId}>
      <h2 id={headingId} className="section__title">
        {t('booking.timesFor', { date: format.plainDate(day) })}
      </h2>
      {slots.length === 0 ? (
        <p className="empty">{t('booking.noSlotsDay')}</p>
      ) : slots.length <= GROUP_FROM ? (
        list(slots)
      ) : (
        [...groups].map(([part, items]) => (
          <div key={part} className="times__group">
            <h3 className="times__group-title">{t(`booking.partOfDay.${part}`)}</h3>
            {list(items)}
          </div>
        ))
      )}
    </section>
  );
}
