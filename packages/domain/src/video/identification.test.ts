import { describe, expect, it } from 'vitest';
import { idPortenLevel, mustAskIdentification, type IdentificationFacts } from './identification';

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
    ['…once identified for this consultation', { recorded: 'id_document' }, false],
    ['…known to the practitioner', { recorded: 'known_patient' }, false],
    ['…identified at an earlier consultation', { identifiedBefore: true }, false],
    ['a patient signed in through ID-porten', { patientSignedInStrongly: true }, false],
  ])('%s', (_name, change, asked) => {
    expect(mustAskIdentification({ ...firstTimeByCode, ...change })).toBe(asked);
  });
});
