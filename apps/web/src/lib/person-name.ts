/**
 * The name to show for a person: `name` without surrounding blanks, or `fallback` ("Pasienten")
 * when it is missing or only blanks — a patient who signed in with a one-time code may have
 * given no name, and an empty heading or "venter i videorommet" without a subject says nothing.
 */
export function displayName(name: string | null | undefined, fallback: string): string {
  const trimmed = name?.trim() ?? '';
  return trimmed === '' ? fallback : trimmed;
}
