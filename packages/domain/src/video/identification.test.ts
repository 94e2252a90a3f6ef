import { describe, expect, it } from 'vitest';
import {
  identifies,
  idPortenLevel,
  mustAskIdentification,
  type IdentificationFacts,
} from './identification';

describe('idPortenLevel', () => {
  it.each([
    ['idporten-loa-high', 'high'],
    ['Level4', 'high'],
    ['idporten-loa-substantial', 'substantial'],
    ['Level3', 'substantial'],
    ['idporten-loa-low', null],
    ['', null],
    [null, null],
  ] as const)('%s → %s', (acr, level) => {
    expect(idPortenLevel(acr)).toBe(level);
  });
});

describe('mustAskIdentification', () => {
  const firstTimeByCode: IdentificationFacts = {
    recorded: null,
    patientSignedInStrongly: false,
    identifiedBefore: false,
  };
  it.each<[string, Partial<IdentificationFacts>, boolean]>([
    ['a patient signed in by code, never identified at the clinic', {}, true],
    [
      '…once identified for this consultation',
      { recorded: { method: 'id_document', level: null } },
      false,
    ],
    ['…known to the practitioner', { recorded: { method: 'known_patient', level: null } }, false],
    ['…ID-porten at level high', { recorded: { method: 'id_porten', level: 'high' } }, false],
    [
      '…ID-porten at level substantial is not enough',
      { recorded: { method: 'id_porten', level: 'substantial' } },
      true,
    ],
    ['…identified at an earlier consultation', { identifiedBefore: true }, false],
    ['a patient signed in through ID-porten', { patientSignedInStrongly: true }, false],
  ])('%s', (_name, change, asked) => {
    expect(mustAskIdentification({ ...firstTimeByCode, ...change })).toBe(asked);
  });
});

describe('identifies', () => {
  it.each([
    [null, false],
    [{ method: 'id_document', level: null }, true],
    [{ method: 'known_patient', level: null }, true],
    [{ method: 'id_porten', level: 'high' }, true],
    [{ method: 'id_porten', level: 'substantial' }, false],
    [{ method: 'id_porten', level: null }, false],
  ] as const)('%o → %s', (recorded, expected) => {
    expect(identifies(recorded)).toBe(expected);
  });
});
