/**
 * Where a clinic is, as one line: its address and town joined by a comma — the town only once
 * when the address already ends with it ("Storgata 1, 0155 Oslo" and "Oslo" give
 * "Storgata 1, 0155 Oslo"). Either part may be missing; both missing give ''.
 */
export function clinicPlace(
  address: string | null | undefined,
  town: string | null | undefined,
): string {
  const street = address?.trim() ?? '';
  const place = town?.trim() ?? '';
  if (!street) return place;
  if (!place) return street;
  const ending = street.slice(-place.length);
  const before = street.slice(0, -place.length);
  const endsWithTown =
    ending.toLowerCase() === place.toLowerCase() && (before === '' || /[\s,]$/.test(before));
  return endsWithTown ? street : `${street}, ${place}`;
}
