import { ROOM_ROLES } from './video/room';

/**
 * The roles a staff member can hold at a clinic, in the order they are listed: `admin` runs the
 * clinic's settings, `practitioner` holds consultations. A person may hold both.
 */
export const STAFF_ROLES = ['admin', 'practitioner'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who did something, as the audit log records it: a patient, staff in one of their roles, or the
 * system (a job). The room's two roles are among them, so a room event audits as its role.
 */
export const ACTOR_ROLES = [...ROOM_ROLES, 'admin', 'system', 'guest'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
