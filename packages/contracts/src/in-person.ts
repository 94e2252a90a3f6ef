import { IN_PERSON_ANSWER_MAX_LENGTH, IN_PERSON_REASON_MAX_LENGTH } from '@visitt/domain';
import { z } from 'zod';
import { DateTime, PlainText } from './common';

/** "Be om oppmøte i stedet": the patient's request, with their own words if they give any. */
export const InPersonRequestBody = z
  .strictObject({
    /** Why, in the patient's words; empty means none. */
    reason: PlainText(IN_PERSON_REASON_MAX_LENGTH).optional(),
  })
  .meta({ id: 'InPersonRequestBody' });
export type InPersonRequestBody = z.infer<typeof InPersonRequestBody>;

/** The clinic's answer to the request, sent to the patient as a message. */
export const InPersonAnswerBody = z
  .strictObject({ text: PlainText(IN_PERSON_ANSWER_MAX_LENGTH).min(1) })
  .meta({ id: 'InPersonAnswerBody' });
export type InPersonAnswerBody = z.infer<typeof InPersonAnswerBody>;

/** A request for an in-person appointment instead, and the clinic's answer once given. */
export const InPersonRequest = z
  .object({
    requestedAt: DateTime,
    reason: z.string().nullable(),
    answeredAt: DateTime.nullable(),
    answer: z.string().nullable(),
  })
  .meta({ id: 'InPersonRequest' });
export type InPersonRequest = z.infer<typeof InPersonRequest>;

/**
 * What the information step before the waiting room shows: the clinic's own text (null: the
 * product's standard text, in the patient's language) and the patient's request, if any.
 */
export const VideoInfo = z
  .object({
    clinicText: z.string().nullable(),
    inPersonRequest: InPersonRequest.nullable(),
  })
  .meta({ id: 'VideoInfo' });
export type VideoInfo = z.infer<typeof VideoInfo>;
