import { Button } from '../../../../components/ui/button';
import { VisuallyHidden } from '../../../../components/ui/visually-hidden';
import { useI18n } from '../../../../i18n';
import { formatDayMonth, weekdayNames } from '../../../../lib/dates';
import {
  hoursFieldId,
  newBlock,
  WEEKDAYS,
  type BlockDraft,
  type HoursDraft,
  type Weekday,
} from '../hours-draft';
import { useFocusRequest } from '../hooks/use-focus-request';
import { TimeErrors, TimeField } from './time-field';

interface WeeklyHoursEditorProps {
  weekly: HoursDraft['weekly'];
  onChange: (weekly: HoursDraft['weekly']) => void;
  /** The element id for a field of the draft. */
  idOf: (field: string) => string;
  errorOf: (field: string) => string | null;
  hintId: string;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Id of a weekday's "add" button (focus returns there when a block is removed). */
export const addBlockField = (day: Weekday) => `weekly.${day}.add`;

/**
 * The weekly template: for each weekday from Monday, zero or more from–to blocks on the clinic's
 * wall clock. Adding a block moves focus to its start; removing one moves it to the day's add
 * button. A block limited to a period (set through the API) keeps it, and says so.
 */
export function WeeklyHoursEditor({
  weekly,
  onChange,
  idOf,
  errorOf,
  hintId,
}: WeeklyHoursEditorProps) {
  const { t, intlLocale } = useI18n();
  const focus = useFocusRequest();
  const names = weekdayNames(intlLocale, 'long');

  function setDay(day: Weekday, blocks: BlockDraft[]) {
    onChange({ ...weekly, [day]: blocks });
  }

  const period = (block: BlockDraft) => {
    const date = (d: string) => formatDayMonth(`${d}T12:00:00Z`, 'UTC', intlLocale, true);
    if (block.validFrom && block.validUntil)
      return t('adminSchedule.hours.validBetween', {
        from: date(block.validFrom),
        to: date(block.validUntil),
      });
    if (block.validFrom) return t('adminSchedule.hours.validFrom', { from: date(block.validFrom) });
    if (block.validUntil)
      return t('adminSchedule.hours.validUntil', { to: date(block.validUntil) });
    return null;
  };

  return (
    <div className="sched-week">
      {WEEKDAYS.map((day) => {
        const blocks = weekly[day];
        const name = names[day - 1] ?? '';
        return (
          <fieldset key={day} className="sched-day">
            <legend className="sched-day__name">{capitalize(name)}</legend>
            <div className="sched-day__body">
              {blocks.length === 0 ? (
                <p className="sched-day__off">{t('adminSchedule.hours.dayOff')}</p>
              ) : (
                <ul className="sched-blocks">
                  {blocks.map((block, index) => {
                    const field = (part: 'start' | 'end') =>
                      hoursFieldId('weekly', day, block.key, part);
                    const update = (patch: Partial<BlockDraft>) =>
                      setDay(
                        day,
                        blocks.map((b) => (b.key === block.key ? { ...b, ...patch } : b)),
                      );
                    const which =
                      blocks.length > 1
                        ? t('adminSchedule.hours.blockNumber', { n: index + 1 })
                        : null;
                    const validity = period(block);
                    return (
                      <li key={block.key} className="sched-block">
                        <TimeField
                          id={idOf(field('start'))}
                          label={
                            <>
                              {t('adminSchedule.hours.from')}
                              {which ? <VisuallyHidden> {which}</VisuallyHidden> : null}
                            </>
                          }
                          value={block.start}
                          onChange={(start) => update({ start })}
                          error={errorOf(field('start'))}
                          hintId={hintId}
                        />
                        <TimeField
                          id={idOf(field('end'))}
                          label={
                            <>
                              {t('adminSchedule.hours.to')}
                              {which ? <VisuallyHidden> {which}</VisuallyHidden> : null}
                            </>
                          }
                          value={block.end}
                          onChange={(end) => update({ end })}
                          error={errorOf(field('end'))}
                          hintId={hintId}
                        />
                        <Button
                          variant="ghost"
                          className="sched-remove"
                          aria-label={t('adminSchedule.hours.removeBlockNamed', {
                            day: name,
                            from: block.start || '–',
                            to: block.end || '–',
                          })}
                          onClick={() => {
                            setDay(
                              day,
                              blocks.filter((b) => b.key !== block.key),
                            );
                            focus(idOf(addBlockField(day)));
                          }}
                        >
                          {t('adminSchedule.remove')}
                        </Button>
                        <TimeErrors
                          fields={[
                            { id: idOf(field('start')), error: errorOf(field('start')) },
                            { id: idOf(field('end')), error: errorOf(field('end')) },
                          ]}
                        />
                        {validity ? <p className="sched-block__period">{validity}</p> : null}
                      </li>
                    );
                  })}
                </ul>
              )}
              <Button
                id={idOf(addBlockField(day))}
                variant="ghost"
                icon="plus"
                className="sched-add"
                aria-label={t('adminSchedule.hours.addBlockNamed', { day: name })}
                onClick={() => {
                  const block = newBlock(blocks.at(-1));
                  setDay(day, [...blocks, block]);
                  focus(idOf(hoursFieldId('weekly', day, block.key, 'start')));
                }}
              >
                {t('adminSchedule.hours.addBlock')}
              </Button>
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}
