/** The product's default zone, offered first. */
export const DEFAULT_TIME_ZONE = 'Europe/Oslo';

/**
 * The zones to offer for a clinic: `Europe/Oslo` first, then the rest of `supported` (the
 * browser's IANA list) in alphabetical order, each once. The clinic's `current` zone is always
 * included, even when this browser does not know it, so opening the form never changes it.
 */
export function timeZoneOptions(current: string, supported: readonly string[]): string[] {
  const rest = new Set([...supported, current]);
  rest.delete(DEFAULT_TIME_ZONE);
  return [DEFAULT_TIME_ZONE, ...[...rest].sort((a, b) => a.localeCompare(b, 'en'))];
}

/** The browser's IANA zones (an empty list where `Intl.supportedValuesOf` is missing). */
export function supportedTimeZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

/** "Europe/Oslo" → "Europe/Oslo", "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires". */
export function timeZoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}
