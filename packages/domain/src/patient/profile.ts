/** Who the patient said they are; null for what they have not given. */
export interface PatientProfile {
  readonly givenName: string | null;
  readonly familyName: string | null;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string | null;
}

const filled = (value: string | null) => value !== null && value.trim() !== '';

/**
 * Whether the patient has said who they are — given name, family name and date of birth — which
 * the clinic needs to find the journal, so booking needs it. A name of only spaces is no name.
 */
export const isProfileComplete = (profile: PatientProfile): boolean =>
  filled(profile.givenName) && filled(profile.familyName) && filled(profile.birthDate);
