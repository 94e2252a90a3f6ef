import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { en, nb } from '../../i18n/all';
import {
  auditActionLabel,
  auditFilterParams,
  auditQuery,
  hasAuditFilters,
  KNOWN_AUDIT_ACTIONS,
  readAuditFilters,
} from './audit-filters';

const id = '6f1c2a1e-7d7b-4a43-9b39-2f7f5f3f9a01';

describe('readAuditFilters', () => {
  it('reads well-formed filters from the address', () => {
    const params = new URLSearchParams(
      `fra=2026-11-01&til=2026-11-30&handling=appointment.*&hvem=${id}&gjelder=${id}`,
    );
    expect(readAuditFilters(params)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      action: 'appointment.*',
      actorUserId: id,
      entityId: id,
    });
  });
  it('leaves out malformed ones', () => {
    const params = new URLSearchParams(
      'fra=2026-02-30&til=i+dag&handling=drop.table&hvem=x&gjelder=1',
    );
    expect(readAuditFilters(params)).toEqual({});
    expect(hasAuditFilters(readAuditFilters(params))).toBe(false);
  });
  it('round-trips through auditFilterParams', () => {
    const filters = { from: '2026-10-25', action: 'settings.*' as const, entityId: id };
    expect(readAuditFilters(auditFilterParams(filters))).toEqual(filters);
    expect(auditFilterParams({}).toString()).toBe('');
  });
});

describe('auditQuery', () => {
  it('names the API parameters', () => {
    expect(auditQuery({ from: '2026-11-01', actorUserId: id })).toEqual({
      from: '2026-11-01',
      to: undefined,
      action: undefined,
      actorUserId: id,
      entityId: undefined,
    });
  });
});

describe('auditActionLabel', () => {
  it('names known actions by a catalogue key that exists in both languages', () => {
    expect(auditActionLabel('settings.clinic.change')).toBe(
      'admin.audit.actions.settings_clinic_change',
    );
    for (const action of KNOWN_AUDIT_ACTIONS) {
      const key = auditActionLabel(action)!;
      expect(translate(nb, key)).not.toBe(key);
      expect(translate(en, key)).not.toBe(key);
    }
  });
  it('gives null for an action it does not know', () => {
    expect(auditActionLabel('session.create')).toBeNull();
  });
});
