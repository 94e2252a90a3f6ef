import {
  CodeSent,
  Me,
  type Locale,
  type PasswordSignInBody,
  type RequestCodeBody,
  type VerifyCodeBody,
} from '@visitt/contracts';
import { ApiError, apiRequest } from '../../../lib/api';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest('/me', { schema: Me, signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') return null;
    throw error;
  }
}

/** Sends a one-time code to the e-mail address or mobile number. */
export function requestCode(body: RequestCodeBody): Promise<CodeSent> {
  return apiRequest('/auth/code', { method: 'POST', body, schema: CodeSent });
}

/** Checks the code; on success the server sets the session cookie. */
export function verifyCode(body: VerifyCodeBody): Promise<Me> {
  return apiRequest('/auth/code/verify', { method: 'POST', body, schema: Me });
}

export function logout(): Promise<undefined> {
  return apiRequest('/auth/logout', { method: 'POST' });
}

/** Saves the user's language, so messages from the server come in it too. */
export function updateLocale(locale: Locale): Promise<Me> {
  return apiRequest('/me', { method: 'PATCH', body: { locale }, schema: Me });
}

/** Staff sign-in with e-mail and password; on success the server sets the session cookie. */
export function signInWithPassword(body: PasswordSignInBody): Promise<Me> {
  return apiRequest('/auth/password', { method: 'POST', body, schema: Me });
}
