/** The booking a comment was typed for: one practitioner, one type of appointment, one time. */
export interface CommentScope {
  practitionerId: string;
  appointmentTypeId: string;
  /** The chosen time; null while the patient picks another after theirs was taken. */
  start: string | null;
}

/** What is kept for the comment being typed: the text and the booking it belongs to. */
export interface StoredComment extends CommentScope {
  text: string;
}

/** The key in this tab's storage; one comment only, so none can linger for another booking. */
export const BOOKING_COMMENT_KEY = 'visitt.booking-comment';

/**
 * The kept comment, parsed from storage, or null when there is none or it is malformed (an older
 * version's value, or tampered with).
 */
export function parseStoredComment(raw: string | null): StoredComment | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredComment>;
    if (
      typeof value.text === 'string' &&
      typeof value.practitionerId === 'string' &&
      typeof value.appointmentTypeId === 'string' &&
      (value.start === null || typeof value.start === 'string')
    ) {
      return {
        text: value.text,
        practitionerId: value.practitionerId,
        appointmentTypeId: value.appointmentTypeId,
        start: value.start,
      };
    }
  } catch {
    // Not ours: treated as no comment.
  }
  return null;
}

/**
 * The comment to show on the confirm step of `booking`: the kept one when it was typed for the
 * same practitioner, type and time — or for the same practitioner and type while another time is
 * being picked (`start` null: the first was taken). Anything else starts empty.
 */
export function commentFor(stored: StoredComment | null, booking: CommentScope): string {
  if (!stored) return '';
  const isSameBooking =
    stored.practitionerId === booking.practitionerId &&
    stored.appointmentTypeId === booking.appointmentTypeId &&
    (stored.start === null || stored.start === booking.start);
  return isSameBooking ? stored.text : '';
}
