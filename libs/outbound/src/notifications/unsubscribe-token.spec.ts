import { e164PhoneNumber } from './transports/twilio-sms-transport';
import { signUnsubscribeToken, unsubscribeUrl, verifyUnsubscribeToken } from './unsubscribe-token';

describe('the unsubscribe token', () => {
  const secret = new Uint8Array(32).fill(3);

  it('names the ticket it was signed for, and only with the secret that signed it', () => {
    const token = signUnsubscribeToken(secret, { ticketId: '7K3-QX9A' });
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ ticketId: '7K3-QX9A' });
    expect(verifyUnsubscribeToken(new Uint8Array(32).fill(4), token)).toBeUndefined();
  });

  it('refuses a token altered in its ticket, its signature, cut short, or with parts added', () => {
    const token = signUnsubscribeToken(secret, { ticketId: '7K3-QX9A' });
    const [body, signature] = token.split('.');
    const other = Buffer.from('7K3-QX9B').toString('base64url');
    for (const forged of [
      `${other}.${signature}`,
      `${body}.${signature.slice(0, -1)}A`,
      `${body}.${signature.slice(0, 20)}`,
      `${body}`,
      `${token}.x`,
      '',
      '.',
    ]) {
      expect(verifyUnsubscribeToken(secret, forged)).toBeUndefined();
    }
  });

  it('is carried in a link on the public URL', () => {
    expect(unsubscribeUrl('https://311.city.example/', 'abc.def')).toBe('https://311.city.example/notifications/unsubscribe?token=abc.def');
  });
});

describe('phone numbers for the SMS provider', () => {
  it("are E.164: national numbers with the city's calling code, international ones as given", () => {
    expect(e164PhoneNumber('(978) 555-0142', '1')).toBe('+19785550142');
    expect(e164PhoneNumber('978 555 0142', '1')).toBe('+19785550142');
    expect(e164PhoneNumber('1-978-555-0142', '1')).toBe('+19785550142');
    expect(e164PhoneNumber('+34 600 123 456', '1')).toBe('+34600123456');
    expect(e164PhoneNumber('0034 600 123 456', '1')).toBe('+34600123456');
    expect(e164PhoneNumber('600 123 456', '34')).toBe('+34600123456');
  });

  it('are none when the text cannot be a number', () => {
    expect(e164PhoneNumber('call me', '1')).toBeUndefined();
    expect(e164PhoneNumber('12', '1')).toBeUndefined();
  });
});
