import { loadTicket } from '@switchboard/command-handling';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import {
  type ResidentKeyStore,
  type ResidentNotice,
  type ResidentNotificationChannel,
  type ResidentNotified,
  type ServiceCatalog,
  ticketIdOfStream,
} from '@switchboard/ticketing';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery, SettledDelivery } from '../destination';
import { messageIdOf, type NotificationContext, notificationRecordOf, outcomeOfSend, recordSettled, skippedDetail } from './notification-settings';
import { openingContactOf, RESIDENT_NOTICE_EVENT_TYPES, residentNoticeOf } from './resident-notices';
import { type ResidentMessage, residentMessage, type ResidentNoticeFacts, templateLanguageOf } from './templates/resident-templates';
import { e164PhoneNumber } from './transports/twilio-sms-transport';
import { signUnsubscribeToken, unsubscribeUrl } from './unsubscribe-token';

/** What a resident notice's delivery carries: the notice and its facts, the channel and language. Never the address or number. */
export interface ResidentDeliveryPayload {
  readonly ticketId: string;
  readonly notice: ResidentNotice;
  readonly channel: ResidentNotificationChannel;
  readonly language: string;
  readonly facts: ResidentNoticeFacts;
}

export const RESIDENT_NOTIFICATIONS = 'resident-notifications';

/**
 * Residents' updates as a destination of the outbound consumer. `plan` reads the ticket's history
 * up to the event (so a replanned event plans the same) and plans the notice the resident asked
 * for, by the channel they chose, if that channel is on; the contact is opened there only to read
 * the choice. `deliver` opens it again, as it stands then: once the resident's data was erased or
 * they unsubscribed, nothing is sent (the outcome says skipped). `settled` records the outcome on
 * the ticket's history (ResidentNotified), never the address.
 */
export class ResidentNotificationDestination implements OutboundDestination {
  readonly id = RESIDENT_NOTIFICATIONS;

  constructor(
    private readonly store: EventStore,
    private readonly keys: ResidentKeyStore,
    private readonly catalog: ServiceCatalog,
    private readonly context: NotificationContext,
  ) {}

  async plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    const ticketId = ticketIdOfStream(event.streamName);
    if (!ticketId || !RESIDENT_NOTICE_EVENT_TYPES.has(event.type)) return [];
    const ticket = await loadTicket(this.store, ticketId, this.keys);
    const steps = ticket.records.filter((step) => step.stored.revision <= event.revision);
    const index = steps.findIndex((step) => step.stored.id === event.id);
    if (index < 0) return [];
    const contact = openingContactOf(steps);
    const channel = contact?.updates;
    if (channel !== 'email' && channel !== 'sms') return [];
    if (!this.channelOn(channel) || steps[index].stateBefore.residentUnsubscribedAt !== undefined) return [];
    const found = residentNoticeOf(steps, index, this.catalog);
    if (!found) return [];
    const payload: ResidentDeliveryPayload = { ticketId, notice: found.notice, channel, language: templateLanguageOf(contact?.language), facts: found.facts };
    return [{ key: `resident:${channel}`, payload: payload as unknown as Record<string, unknown> }];
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const payload = delivery.payload as unknown as ResidentDeliveryPayload;
    const ticket = await loadTicket(this.store, payload.ticketId, this.keys);
    if (ticket.state.residentDataErasedAt !== undefined) return { status: 'delivered', detail: skippedDetail('resident_data_erased') };
    if (ticket.state.residentUnsubscribedAt !== undefined) return { status: 'delivered', detail: skippedDetail('unsubscribed') };
    const contact = openingContactOf(ticket.records);
    const link = unsubscribeUrl(this.context.publicUrl, signUnsubscribeToken(this.context.unsubscribeSecret, { ticketId: payload.ticketId }));
    const message = residentMessage(payload.notice, payload.facts, {
      language: payload.language,
      cityName: this.context.cityName,
      timeZone: this.catalog.config.calendar.timeZone,
      unsubscribeUrl: link,
    });
    const result =
      payload.channel === 'email' ? await this.sendEmail(contact?.email, message, link, delivery) : await this.sendSms(contact?.phone, message.sms);
    if (typeof result === 'string') return { status: 'delivered', detail: skippedDetail(result) };
    return outcomeOfSend(result);
  }

  async settled(delivery: DeliveryAttempt, outcome: SettledDelivery): Promise<void> {
    const payload = delivery.payload as unknown as ResidentDeliveryPayload;
    const fact: ResidentNotified = {
      type: 'ResidentNotified',
      data: {
        notice: payload.notice,
        channel: payload.channel,
        language: payload.language,
        ...notificationRecordOf(delivery, outcome),
      },
    };
    await recordSettled(this.store, payload.ticketId, delivery, outcome, fact);
  }

  private channelOn(channel: ResidentNotificationChannel): boolean {
    return channel === 'email' ? this.context.email !== undefined : this.context.sms !== undefined;
  }

  /** A skip reason (a string) or what the transport answered. */
  private async sendEmail(address: string | undefined, message: ResidentMessage, link: string, delivery: DeliveryAttempt) {
    if (!address) return 'no_email_address';
    if (!this.context.email) return 'email_off';
    return this.context.email.send({
      to: address,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: messageIdOf(delivery.deliveryId, this.context.messageIdDomain),
      // RFC 8058 one-click unsubscribe: mail clients show their own button, which POSTs to the link.
      headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Content-Language': message.language },
    });
  }

  private async sendSms(phone: string | undefined, body: string) {
    if (!phone) return 'no_phone_number';
    if (!this.context.sms) return 'sms_off';
    const to = e164PhoneNumber(phone, this.context.smsCountryCode);
    if (!to) return 'phone_number_not_e164';
    return this.context.sms.send({ to, body });
  }
}
