/**
 * How the patient was identified for a video consultation. A patient not known to the clinic
 * must be identified unambiguously at their first video consultation: by ID-porten at a high
 * enough level, or by showing valid ID on camera. A one-time code to an e-mail address or a
 * phone is not identification.
 * - `id_porten`: signed in through ID-porten (recorded by itself, with the level);
 * - `id_document`: showed valid ID on camera;
 * - `known_patient`: known to the practitioner.
 */
export const IDENTIFICATION_METHODS = ['id_porten', 'id_document', 'known_patient'] as const;
export type IdentificationMethod = (typeof IDENTIFICATION_METHODS)[number];

/** ID-porten's assurance levels, as the identification records them. */
export const ID_PORTEN_LEVELS = ['substantial', 'high'] as const;
export type IdPortenLevel = (typeof ID_PORTEN_LEVELS)[number];

/**
 * The level of an ID-porten sign-in from its `acr` (`idporten-loa-high`, `idporten-loa-substantial`,
 * or the older `Level4` / `Level3`); null for any other value.
 */
export function idPortenLevel(acr: string | null): IdPortenLevel | null {
  switch (acr ?? '') {
    case 'idporten-loa-high':
    case 'Level4':
      return 'high';
    case 'idporten-loa-substantial':
    case 'Level3':
      return 'substantial';
    default:
      return null;
  }
}

/**
 * Whether a recorded identification identifies the patient: ID shown on camera, a patient known
 * to the practitioner, or ID-porten at level high (`substantial`, or no level, does not).
 */
export function identifies(
  recorded: { readonly method: IdentificationMethod; readonly level: IdPortenLevel | null } | null,
): boolean {
  if (!recorded) return false;
  return recorded.method !== 'id_porten' || recorded.level === 'high';
}

/** What deciding whether the practitioner must be asked needs to know. */
export interface IdentificationFacts {
  /** What is recorded for this consultation, if anything. */
  readonly recorded: {
    readonly method: IdentificationMethod;
    readonly level: IdPortenLevel | null;
  } | null;
  /** The patient's session for this consultation came from ID-porten. */
  readonly patientSignedInStrongly: boolean;
  /** An earlier consultation of the patient's at this clinic has one that {@link identifies}. */
  readonly identifiedBefore: boolean;
}

/**
 * Whether the practitioner is asked how the patient was identified before ending the
 * consultation: nothing recorded for it that {@link identifies} the patient, the patient signed
 * in by a one-time code, and no earlier consultation at this clinic identified them.
 */
export function mustAskIdentification(facts: IdentificationFacts): boolean {
  return !identifies(facts.recorded) && !facts.patientSignedInStrongly && !facts.identifiedBefore;
}
