// Contracts of the accessibility statement (/tilgjengelighet): where problems are reported, and
// the report itself, which the server e-mails to the operator's accessibility contact.
import { z } from 'zod';
import { Email, PlainText } from './common';

/** The most characters a report's description may have. */
export const ACCESSIBILITY_REPORT_MAX_LENGTH = 2000;
/** The most characters of "which page, or what were you doing". */
export const ACCESSIBILITY_PAGE_MAX_LENGTH = 500;

/**
 * A problem with accessibility, as the person who met it describes it: what the problem is
 * (required), which page or what they were doing, and an e-mail address if they want an answer.
 * Nothing else is accepted. The server e-mails it to the operator and keeps none of it.
 */
export const AccessibilityReportBody = z
  .strictObject({
    text: PlainText(ACCESSIBILITY_REPORT_MAX_LENGTH).pipe(z.string().min(1)),
    page: PlainText(ACCESSIBILITY_PAGE_MAX_LENGTH).optional(),
    email: Email.optional(),
  })
  .meta({ id: 'AccessibilityReportBody' });
export type AccessibilityReportBody = z.infer<typeof AccessibilityReportBody>;

/** The report went to the operator's accessibility contact. */
export const AccessibilityReportSent = z
  .object({ status: z.literal('sent') })
  .meta({ id: 'AccessibilityReportSent' });
export type AccessibilityReportSent = z.infer<typeof AccessibilityReportSent>;

/** Where this installation takes reports about accessibility. */
export const AccessibilityContact = z
  .object({
    /** The operator's accessibility contact (`VISITT_ACCESSIBILITY_EMAIL`); null when not set. */
    email: Email.nullable(),
    /**
     * Whether POST /api/v1/accessibility/reports can deliver a report now: an address is set and
     * the installation can send e-mail.
     */
    acceptsReports: z.boolean(),
  })
  .meta({ id: 'AccessibilityContact' });
export type AccessibilityContact = z.infer<typeof AccessibilityContact>;
