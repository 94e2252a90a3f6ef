import { useCallback, useState } from 'react';
import { readSession, writeSession } from '../../../lib/session-storage';
import {
  BOOKING_COMMENT_KEY,
  commentFor,
  parseStoredComment,
  type CommentScope,
} from '../booking-comment';

/**
 * The comment of one booking (`scope`), kept in this tab's storage so nothing typed is lost if the
 * time is taken or the session ends — and never shown for another booking. Returns the text, a
 * setter, `keepForNewTime` (the time was taken: the comment follows to the next time picked with
 * the same practitioner and type) and `clear` (the booking is made).
 */
export function useBookingComment(scope: CommentScope) {
  const { practitionerId, appointmentTypeId, start } = scope;
  const [text, setText] = useState(() =>
    commentFor(parseStoredComment(readSession(BOOKING_COMMENT_KEY)), scope),
  );
  const set = useCallback(
    (next: string) => {
      setText(next);
      writeSession(
        BOOKING_COMMENT_KEY,
        JSON.stringify({ practitionerId, appointmentTypeId, start, text: next }),
      );
    },
    [practitionerId, appointmentTypeId, start],
  );
  const keepForNewTime = useCallback(() => {
    const stored = parseStoredComment(readSession(BOOKING_COMMENT_KEY));
    if (stored) writeSession(BOOKING_COMMENT_KEY, JSON.stringify({ ...stored, start: null }));
  }, []);
  const clear = useCallback(() => {
    setText('');
    writeSession(BOOKING_COMMENT_KEY, null);
  }, []);
  return { text, set, keepForNewTime, clear };
}
