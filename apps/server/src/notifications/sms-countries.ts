import { TransportError, type Transport } from './transport';

/**
 * Whether an E.164 number (`+4791234567`) is in one of the allowed country calling codes
 * (`+47`, `+358`, …). Calling codes are prefix-free, so a prefix match is exact. Anything that is
 * not `+` and digits is not allowed.
 */
export function isSmsCountryAllowed(
  phone: string,
  allowedCountryCodes: readonly string[],
): boolean {
  return /^\+\d+$/.test(phone) && allowedCountryCodes.some((code) => phone.startsWith(code));
}

/**
 * `transport` for SMS only to the allowed countries: a message to any other number fails
 * permanently (the outbox marks it failed and never sends it), whatever code path queued it.
 * Commands check the same before they send; this stops whatever they missed, so nobody can run
 * up the SMS bill to premium numbers abroad.
 */
export function restrictSmsCountries(
  transport: Transport,
  allowedCountryCodes: readonly string[],
): Transport {
  return {
    name: transport.name,
    async send(message) {
      if (message.channel === 'sms' && !isSmsCountryAllowed(message.to, allowedCountryCodes)) {
        throw new TransportError('SMS to this country is not allowed', true);
      }
      return transport.send(message);
    },
  };
}
