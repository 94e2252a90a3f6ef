import { describe, expect, it } from 'vitest';
import { isSmsCountryAllowed, restrictSmsCountries } from './sms-countries';
import { TransportError, type OutgoingMessage, type Transport } from './transport';

const NORDIC = ['+47', '+46', '+45', '+358', '+354'];

describe('isSmsCountryAllowed', () => {
  it.each([
    ['+4791234567', true],
    ['+46701234567', true],
    ['+4520123456', true],
    ['+358401234567', true],
    ['+3546123456', true],
    ['+12125550100', false],
    ['+447700900123', false],
    ['+35312345678', false], // Ireland: +353, not Finland's +358
    ['+88212345678', false],
    ['4791234567', false],
    ['+47 91234567', false],
    ['', false],
  ])('%s → %s', (phone, expected) => {
    expect(isSmsCountryAllowed(phone, NORDIC)).toBe(expected);
  });

  it('allows nothing when the list is empty', () => {
    expect(isSmsCountryAllowed('+4791234567', [])).toBe(false);
  });
});

describe('restrictSmsCountries', () => {
  const sent: OutgoingMessage[] = [];
  const inner: Transport = {
    name: 'recording',
    async send(message) {
      sent.push(message);
      return { reference: 'ok' };
    },
  };
  const guarded = restrictSmsCountries(inner, NORDIC);

  it('passes SMS to allowed countries and everything that is not SMS', async () => {
    sent.length = 0;
    await guarded.send({ channel: 'sms', to: '+4791234567', text: 'x', reference: 'a' });
    await guarded.send({
      channel: 'email',
      to: 'a@example.com',
      subject: 's',
      text: 't',
      reference: 'b',
    });
    expect(sent.map((m) => m.reference)).toEqual(['a', 'b']);
  });

  it('fails other SMS permanently, without handing them on', async () => {
    sent.length = 0;
    const refused = guarded.send({ channel: 'sms', to: '+12125550100', text: 'x', reference: 'c' });
    await expect(refused).rejects.toBeInstanceOf(TransportError);
    await expect(refused).rejects.toMatchObject({ permanent: true });
    expect(sent).toEqual([]);
  });
});
