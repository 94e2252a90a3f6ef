import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearContactDraft, readContactDraft, saveContactDraft } from './contact-draft';

// The unit tests run in Node: a small sessionStorage stands in for the browser's.
const store = new Map<string, string>();
const sessionStorage = {
  getItem: (key: string) => store.get(key) ?? null,
  setItem: (key: string, value: string) => void store.set(key, value),
  removeItem: (key: string) => void store.delete(key),
};

beforeEach(() => {
  store.clear();
  Object.assign(globalThis, { window: { sessionStorage } });
});

afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('contact draft', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');

  it('brings the typed address back for the same kind only', () => {
    saveContactDraft('sms', '912 34 567', now);
    expect(readContactDraft('sms', now + 60_000)).toBe('912 34 567');
    expect(readContactDraft('email', now + 60_000)).toBeNull();
  });

  it('forgets a draft after 30 minutes, or when cleared', () => {
    saveContactDraft('email', 'ny@example.no', now);
    expect(readContactDraft('email', now + 30 * 60_000)).toBeNull();
    expect(readContactDraft('email', now + 29 * 60_000)).toBe('ny@example.no');
    clearContactDraft();
    expect(readContactDraft('email', now)).toBeNull();
  });

  it('ignores what it cannot read', () => {
    store.set('visitt.contact-change', '{not json');
    expect(readContactDraft('email', now)).toBeNull();
  });
});
