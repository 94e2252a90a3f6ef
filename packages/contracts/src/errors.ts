import { z } from 'zod';
import { errorStatus, type ErrorCodeName } from './error-codes';

export { errorStatus, isErrorCode } from './error-codes';

export type ErrorCode = ErrorCodeName;
export const ErrorCode = z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]);

export const ApiError = z
  .object({
    error: ErrorCode,
    message: z.string(),
    /** For `validation_failed`: which fields, and why. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;
