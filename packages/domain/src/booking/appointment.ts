/** Where an appointment's status stands; only `booked` is still ahead of everyone. */
export type AppointmentStatus = 'booked' | 'cancelled' | 'completed' | 'no_show';

/** How the consultation is held. */
export type Modality = 'video' | 'in_person';
