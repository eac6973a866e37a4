import { residentMessage } from '../src/notifications/templates/resident-templates';

/** The message a resident's 'received' notice is, for the baseline to send the same bytes the destination sends. */
export function residentMessageBench(ticketId: string, i: number) {
  const message = residentMessage(
    'received',
    { ticketId, serviceName: 'Pothole' },
    {
      language: i % 2 ? 'es' : 'en',
      cityName: 'Bench City 311',
      timeZone: 'America/New_York',
      unsubscribeUrl: `https://311.bench.example.gov/notifications/unsubscribe?token=${ticketId}.x`,
    },
  );
  return { subject: message.subject, text: message.text, html: message.html };
}
