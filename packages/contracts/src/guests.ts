// Contracts of guests in a video consultation: an interpreter, a relative or a second clinician,
// invited by the practitioner with a link of their own (no account), let in by the practitioner.
import { z } from 'zod';
import { GUEST_ROLES } from '@visitt/domain';
import { DateTime, Email, Phone, PlainText, Uuid } from './common';
import { VideoConnection } from './video';
import { Presence } from './video';

export const GuestRole = z.enum(GUEST_ROLES);
export type GuestRole = z.infer<typeof GuestRole>;

/**
 * The practitioner invites a guest by name and role. With `email` or `phone` the link is sent
 * there; with neither, the practitioner copies the link from the answer and passes it on.
 */
export const InviteGuestBody = z
  .strictObject({
    name: PlainText(120).pipe(z.string().min(1)),
    role: GuestRole,
    email: Email.optional(),
    phone: Phone.optional(),
  })
  .refine((b) => b.email === undefined || b.phone === undefined, {
    message: 'Either an e-mail address or a phone number, not both',
    path: ['phone'],
  })
  .meta({ id: 'InviteGuestBody' });
export type InviteGuestBody = z.infer<typeof InviteGuestBody>;

/** A guest of the consultation as its practitioner sees them. */
export const Guest = z
  .object({
    id: Uuid,
    name: z.string(),
    role: GuestRole,
    /** How the link went out; `link`: the practitioner passed it on themselves. */
    delivery: z.enum(['email', 'sms', 'link']),
    /** The address or number it was sent to. */
    sentTo: z.string().nullable(),
    createdAt: DateTime,
    /** When the link stops working: when the video room closes. */
    expiresAt: DateTime,
    revokedAt: DateTime.nullable(),
    /** Removed from the call by the practitioner (revoked as well). */
    removedAt: DateTime.nullable(),
    presence: Presence,
    /** Let in by the practitioner (from the browser that holds the link now). */
    admitted: z.boolean(),
    joinedAt: DateTime.nullable(),
    leftAt: DateTime.nullable(),
  })
  .meta({ id: 'Guest' });
export type Guest = z.infer<typeof Guest>;

/** Only the answer to the invitation carries the link: it is never stored, only its hash. */
export const InvitedGuest = Guest.extend({ link: z.url() }).meta({ id: 'InvitedGuest' });
export type InvitedGuest = z.infer<typeof InvitedGuest>;

export const GuestList = z.array(Guest);
export type GuestList = z.infer<typeof GuestList>;

export const GuestParams = z.strictObject({ id: Uuid, guestId: Uuid });

/** The token from the guest link (32 random bytes, base64url). */
export const GuestLinkBody = z
  .strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A guest link token') })
  .meta({ id: 'GuestLinkBody' });
export type GuestLinkBody = z.infer<typeof GuestLinkBody>;

/**
 * What the guest page shows: the clinic and the time, the guest's own name and role. Not the
 * appointment's type, the patient or the reason.
 */
export const GuestVisit = z
  .object({
    guestId: Uuid,
    appointmentId: Uuid,
    name: z.string(),
    role: GuestRole,
    clinicName: z.string(),
    start: DateTime,
    end: DateTime,
    /** The link works from here (the room opens) … */
    opensAt: DateTime,
    /** … until here. */
    closesAt: DateTime,
    timeZone: z.string(),
    /** Let in by the practitioner. */
    admitted: z.boolean(),
  })
  .meta({ id: 'GuestVisit' });
export type GuestVisit = z.infer<typeof GuestVisit>;

/** What the guest's page connects with: ICE servers and the signaling path, as for the patient. */
export const GuestConnection = VideoConnection.omit({ role: true })
  .extend({ guestId: Uuid })
  .meta({ id: 'GuestConnection' });
export type GuestConnection = z.infer<typeof GuestConnection>;
