import { TwilioCompatibleServer } from '../testing/twilio-compatible-server';
import { TwilioSmsTransport } from './twilio-sms-transport';

describe('the Twilio Messages API adapter, against a local server implementing the documented endpoint', () => {
  let server: TwilioCompatibleServer;
  let failWith: number | undefined;
  beforeAll(async () => {
    server = await TwilioCompatibleServer.start({ accountSid: 'AC42', authToken: 'right', fail: () => failWith });
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    failWith = undefined;
  });
  const transport = (authToken = 'right', from = '+19785550100') => new TwilioSmsTransport({ accountSid: 'AC42', authToken, from, baseUrl: server.baseUrl });

  it('sends To, From and Body form-encoded with basic auth and keeps the message sid', async () => {
    const result = await transport().send({ to: '+19785550142', body: 'Su solicitud fue completada. ¿Dudas? Llame al 311.' });
    expect(result).toEqual({ accepted: true, detail: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
    expect(server.received.at(-1)).toMatchObject({ to: '+19785550142', from: '+19785550100', body: 'Su solicitud fue completada. ¿Dudas? Llame al 311.' });
  });

  it('sends from a Messaging Service when the sender is one (MessagingServiceSid instead of From)', async () => {
    await expect(transport('right', 'MG0123').send({ to: '+19785550142', body: 'hi' })).resolves.toMatchObject({ accepted: true });
    expect(server.received.at(-1)).toMatchObject({ to: '+19785550142', from: 'MG0123' });
  });

  it('gives up on a refused credential or number, and retries a busy or failing provider', async () => {
    await expect(transport('wrong').send({ to: '+19785550142', body: 'hi' })).resolves.toMatchObject({
      accepted: false,
      retryable: false,
      error: expect.stringContaining('401 (20003)'),
    });
    await expect(transport().send({ to: '978', body: 'hi' })).resolves.toMatchObject({
      accepted: false,
      retryable: false,
      error: expect.stringContaining('21211'),
    });
    for (const status of [429, 503]) {
      failWith = status;
      await expect(transport().send({ to: '+19785550142', body: 'hi' })).resolves.toMatchObject({
        accepted: false,
        retryable: true,
        error: expect.stringContaining(String(status)),
      });
    }
  });

  it('retries when nobody answers', async () => {
    const gone = new TwilioSmsTransport({ accountSid: 'AC42', authToken: 'right', from: '+19785550100', baseUrl: 'http://127.0.0.1:9' });
    await expect(gone.send({ to: '+19785550142', body: 'hi' })).resolves.toMatchObject({ accepted: false, retryable: true });
  });
});
