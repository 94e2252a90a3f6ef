import { useT } from '../../../../i18n';
import { splitMinutes, type TimeUnit } from '../type-draft';

/** "2 timer", "1 dag", "45 minutter": minutes in the largest unit that divides them. */
export function useAmountText(): (minutes: number) => string {
  const t = useT();
  return (minutes) => {
    const { value, unit } = splitMinutes(minutes);
    return unitText(t, Number(value), unit);
  };
}

function unitText(t: ReturnType<typeof useT>, count: number, unit: TimeUnit): string {
  const form = count === 1 ? 'One' : 'Many';
  return t(`adminSchedule.units.${unit}${form}`, { count });
}
