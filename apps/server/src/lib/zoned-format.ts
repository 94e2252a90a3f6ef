import { Temporal } from 'temporal-polyfill';
import type { Instant, TimeZoneId } from '@visitt/domain';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function offsetString(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.abs(offsetMs) / 60_000;
  return `${sign}${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/**
 * Formats instants as ISO 8601 with the zone's offset (`2026-11-30T08:00:00+01:00`).
 * Asks Temporal for the offset only when the instant leaves the span it last checked, because
 * formatting hundreds of slots through Temporal one by one costs milliseconds.
 */
export function createZonedFormatter(timeZone: TimeZoneId): (at: Instant) => string {
  let validFrom = Infinity;
  let validUntil = -Infinity;
  let offsetMs = 0;
  let suffix = '+00:00';
  return (at) => {
    if (at < validFrom || at >= validUntil) {
      const zoned = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(timeZone);
      offsetMs = zoned.offsetNanoseconds / 1e6;
      suffix = offsetString(offsetMs);
      const previous = zoned.getTimeZoneTransition('previous');
      const next = zoned.getTimeZoneTransition('next');
      // The offset holds from the last transition up to (not including) the next one. Temporal's
      // 'previous' is strictly before `at`, so when `at` is itself a transition the span starts here.
      const before = Temporal.Instant.fromEpochMilliseconds(at - 1).toZonedDateTimeISO(timeZone);
      const atTransition = before.offsetNanoseconds !== zoned.offsetNanoseconds;
      validFrom = atTransition ? at : previous ? previous.epochMilliseconds : -8.64e15;
      validUntil = next ? next.epochMilliseconds : 8.64e15;
    }
    const local = new Date(at + offsetMs);
    return (
      `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
      `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${suffix}`
    );
  };
}

const shared = new Map<string, (at: Instant) => string>();

/**
 * The formatter of a zone, shared by the whole process: it keeps the offset span it learned
 * last, so formatting the next appointment in the same zone asks Temporal nothing.
 */
export function zonedFormatter(timeZone: TimeZoneId): (at: Instant) => string {
  let format = shared.get(timeZone);
  if (!format) {
    format = createZonedFormatter(timeZone);
    shared.set(timeZone, format);
  }
  return format;
}

/** One instant as ISO 8601 with the zone's offset. */
export function formatZoned(at: Instant, timeZone: TimeZoneId): string {
  return zonedFormatter(timeZone)(at);
}

/** Parses an ISO 8601 date-time with offset (already validated by the contract) to an Instant. */
export function parseInstant(value: string): Instant {
  return Temporal.Instant.from(value).epochMilliseconds as Instant;
}
