import type { ErrorCode, Locale as ApiLocale } from '@visitt/contracts';
import type { ClientErrorCode } from '../lib/api';
import type { nb } from './nb';
import type { nbStaff } from './nb-staff';

/** The texts every page may use: the keys of `nb.ts`, every leaf a string. */
export type CoreCatalogue = Widen<typeof nb>;
/** The staff pages' texts, fetched with those pages: the keys of `nb-staff.ts`. */
export type StaffCatalogue = Widen<typeof nbStaff>;
/** The shape of a whole catalogue. */
export type Catalogue = CoreCatalogue & StaffCatalogue;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every dotted key of the catalogue that leads to a string, e.g. `booking.steps.time`. */
export type TranslationKey = Paths<Catalogue>;

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** The client's languages: the API's (bokmål, nynorsk, English). */
export type Locale = ApiLocale;

export type Vars = Record<string, string | number>;

// Compile-time check: every API error code (and the client's own) has a message.
type MissingErrorMessages = Exclude<ErrorCode | ClientErrorCode, keyof Catalogue['errors']>;
export const everyErrorHasMessage: MissingErrorMessages extends never
  ? true
  : MissingErrorMessages = true;

/** Looks up `key` in `catalogue` and fills `{name}` placeholders from `vars`. */
export function translate(catalogue: Catalogue, key: TranslationKey, vars?: Vars): string {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (typeof node !== 'string') return key;
  return vars ? fillPlaceholders(node, vars) : node;
}

/**
 * `text` with its `{name}` placeholders replaced from `vars`; unknown ones stay as they are. For
 * texts outside the catalogue too (a page's own texts).
 */
export function fillPlaceholders(text: string, vars: Vars): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** All dotted keys with their strings, for tests. */
export function flatten(catalogue: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object')
      for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}
