/**
 * The appointment type with its length, e.g. "Samtale · 30 min" — or just the name when it
 * already says the length ("Videokonsultasjon 15 min").
 */
export function typeWithDuration(name: string, minutes: number, durationText: string): string {
  return new RegExp(`\\b${minutes}\\s*min`, 'i').test(name) ? name : `${name} · ${durationText}`;
}
