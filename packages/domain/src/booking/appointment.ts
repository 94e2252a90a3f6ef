/**
 * Every status an appointment can have, once for the whole code base (the contracts' `z.enum`,
 * the server's rows and the web's labels build on it):
 * - `booked`: still ahead, or under way;
 * - `cancelled`: by the patient or the clinic; it has no video room;
 * - `completed`, `no_show`: marked by the practitioner, or `no_show` by the no-show job after the
 *   video window closed unstarted. Neither closes the video room: the window alone does (see
 *   `canStartVideo`).
 */
export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'completed', 'no_show'] as const;
/** Where an appointment's status stands; only `booked` is still ahead of everyone. */
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Every way a consultation can be held. */
export const MODALITIES = ['video', 'in_person'] as const;
/** How the consultation is held. */
export type Modality = (typeof MODALITIES)[number];
