import { useQuery } from '@tanstack/react-query';
import type {
  AuthProviders,
  CodeSent,
  EnrolmentConfirmed,
  Me,
  PasswordStep,
  TotpEnrolment,
} from '@visitt/contracts';
import {
  type Locale,
  type PasswordSignInBody,
  type RequestCodeBody,
  type SecondFactorBody,
  type VerifyCodeBody,
} from '@visitt/contracts';
import { ApiError, apiRequest } from '../../../lib/api';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest<Me>('/me', { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthorized') return null;
    throw error;
  }
}

/** Sends a one-time code to the e-mail address or mobile number. */
export function requestCode(body: RequestCodeBody): Promise<CodeSent> {
  return apiRequest<CodeSent>('/auth/code', { method: 'POST', body });
}

/** Checks the code; on success the server sets the session cookie. */
export function verifyCode(body: VerifyCodeBody): Promise<Me> {
  return apiRequest<Me>('/auth/code/verify', { method: 'POST', body });
}

export function logout(): Promise<undefined> {
  return apiRequest('/auth/logout', { method: 'POST' });
}

/** Saves the user's language, so messages from the server come in it too. */
export function updateLocale(locale: Locale): Promise<Me> {
  return apiRequest<Me>('/me', { method: 'PATCH', body: { locale } });
}

/**
 * Staff sign-in, step one: e-mail and password. No session yet: the server keeps the sign-in
 * under way in a short-lived cookie and says what comes next (the code, or setting the app up).
 */
export function submitPassword(body: PasswordSignInBody): Promise<PasswordStep> {
  return apiRequest<PasswordStep>('/auth/password', { method: 'POST', body });
}

/** Staff sign-in, step two: the code from the authenticator app or a recovery code; starts the session. */
export function submitSecondFactor(body: SecondFactorBody): Promise<Me> {
  return apiRequest<Me>('/auth/totp', { method: 'POST', body });
}

/** A new authenticator secret for the sign-in under way (replaces an unconfirmed earlier one). */
export function startTotpEnrolment(signal?: AbortSignal): Promise<TotpEnrolment> {
  return apiRequest<TotpEnrolment>('/auth/totp/enrolment', { method: 'POST', signal });
}

/** Confirms the new authenticator app with a code from it; starts the session. */
export function confirmTotpEnrolment(code: string): Promise<EnrolmentConfirmed> {
  return apiRequest<EnrolmentConfirmed>('/auth/totp/enrolment/confirm', {
    method: 'POST',
    body: { code },
  });
}

const noProviders: AuthProviders = { patient: null, staff: null };

/** The identity providers configured here (none in the demo); none while unknown or on failure. */
export function useAuthProviders(): AuthProviders {
  const { data } = useQuery({
    queryKey: ['auth-providers'],
    queryFn: ({ signal }) => apiRequest<AuthProviders>('/auth/providers', { signal }),
    staleTime: Infinity,
    retry: false,
  });
  return data ?? noProviders;
}
