/**
 * The day whose times the day-and-time step shows: the one the patient chose (`YYYY-MM-DD`,
 * kept even when it has no free times left, so the step can say so), else the month's first day
 * with free times, so the step opens with times already on screen. Null while the month is
 * loading or when it has no free day.
 */
export function shownDay(
  chosen: string | null,
  availableDays: ReadonlySet<string>,
  isLoading: boolean,
): string | null {
  if (chosen) return chosen;
  if (isLoading) return null;
  return [...availableDays].sort()[0] ?? null;
}
