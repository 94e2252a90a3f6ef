/**
 * Who may take part in a video consultation besides the patient and their practitioner: a
 * qualified interpreter, a relative, or a second clinician. Each is invited by the practitioner
 * and admitted by them; nobody takes part unseen.
 */
export const GUEST_ROLES = ['interpreter', 'relative', 'clinician'] as const;
export type GuestRole = (typeof GUEST_ROLES)[number];

/** Everyone's role in a consultation, as its participant list and its record name them. */
export const PARTICIPANT_ROLES = ['patient', 'practitioner', ...GUEST_ROLES] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
