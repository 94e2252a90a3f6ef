import type { Locale } from '@visitt/contracts';

/**
 * The Web OTP line that ends a code SMS (`@visitt.example.no #123456`): a browser on that site
 * offers the code to the sign-in form itself (`autocomplete="one-time-code"`).
 */
const webOtpLine = (code: string, publicUrl: string) => `@${new URL(publicUrl).hostname} #${code}`;

/** The Intl locale (dates, numbers) of each language. */
export const intlLocale: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Sign-in code texts. No health information ever goes into these. */
export const signInCodeText = {
  nb: {
    subject: 'Din innloggingskode til Visitt',
    text: (code: string, minutes: number) =>
      `Koden din er ${code}. Den gjelder i ${minutes} minutter. Del den ikke med noen. Ba du ikke om en kode, kan du se bort fra denne meldingen.`,
    sms: (code: string, minutes: number, publicUrl: string) =>
      `${code} er koden din til Visitt. Gyldig i ${minutes} min. Ikke del den med noen.\n\n${webOtpLine(code, publicUrl)}`,
  },
  nn: {
    subject: 'Innloggingskoden din til Visitt',
    text: (code: string, minutes: number) =>
      `Koden din er ${code}. Den gjeld i ${minutes} minutt. Ikkje del den med nokon. Bad du ikkje om ein kode, kan du sjå bort frå denne meldinga.`,
    sms: (code: string, minutes: number, publicUrl: string) =>
      `${code} er Visitt-koden din. Gjeld i ${minutes} min. Ikkje del den med nokon.\n\n${webOtpLine(code, publicUrl)}`,
  },
  en: {
    subject: 'Your Visitt sign-in code',
    text: (code: string, minutes: number) =>
      `Your code is ${code}. It is valid for ${minutes} minutes. Do not share it with anyone. If you did not ask for a code, you can ignore this message.`,
    sms: (code: string, minutes: number, publicUrl: string) =>
      `${code} is your Visitt code. Valid for ${minutes} min. Do not share it.\n\n${webOtpLine(code, publicUrl)}`,
  },
} satisfies Record<Locale, unknown>;

/**
 * The first of the request's languages we speak, else Norwegian bokmål. `nn` is nynorsk; `nb` and
 * the macrolanguage `no` (which browsers send for "Norwegian") are bokmål.
 */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  for (const part of (header ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (/^nn\b/.test(tag)) return 'nn';
    if (/^(nb|no)\b/.test(tag)) return 'nb';
    if (/^en\b/.test(tag)) return 'en';
  }
  return 'nb';
}
