import type { Kysely } from 'kysely';
import { KeyedLock, loadTicket, type TicketHistoryStep } from '@switchboard/command-handling';
import type { EventStore, RecordedEvent } from '@switchboard/event-store';
import type { ReadStore } from '@switchboard/read-models';
import {
  type Actor,
  DIRECTOR_TIER,
  type ServiceCatalog,
  type StaffDeliveryMode,
  type StaffNotice,
  type StaffNotified,
  ticketIdOfStream,
} from '@switchboard/ticketing';
import { type OutboundDb, outboundDb } from '../consumer/outbound-db';
import type { DeliveryAttempt, DeliveryOutcome, OutboundDestination, PlannedDelivery, SettledDelivery } from '../destination';
import { messageIdOf, type NotificationContext, notificationRecordOf, outcomeOfSend, recordSettled, skippedDetail } from './notification-settings';
import { nextDigest, type StaffNotificationPreference, StaffNotificationPreferences } from './staff-preferences';
import { staffDigestMessage, staffMessage, type StaffNoticeFacts } from './templates/staff-templates';

/** What a staff notice's delivery carries: whom (by id: the address is looked up when it is sent), which notice, at once or in which digest. */
export interface StaffDeliveryPayload {
  readonly staffId: string;
  readonly ticketId: string;
  readonly notice: StaffNotice;
  readonly delivery: Exclude<StaffDeliveryMode, 'none'>;
  /** The digest's local date (digest deliveries). */
  readonly digestDate?: string;
  readonly facts: StaffNoticeFacts;
}

export const STAFF_NOTIFICATIONS = 'staff-notifications';

/** Who a step tells, and of what: the assignee of an assignment, the department's heads of a tier-1 escalation, the directors of a tier-2 one. */
async function recipientsOf(
  step: TicketHistoryStep,
  preferences: StaffNotificationPreferences,
): Promise<{ notice: StaffNotice; people: StaffNotificationPreference[] }> {
  const event = step.event;
  if (event?.type === 'TicketAssigned' && event.data.assignee) {
    const person = await preferences.get(event.data.assignee);
    return { notice: 'assigned', people: person ? [person] : [] };
  }
  if (event?.type === 'TicketEscalated') {
    const department = step.stateAfter.department;
    const people =
      event.data.tier === DIRECTOR_TIER ? await preferences.withRole('director') : department ? await preferences.withRole('department_head', department) : [];
    return { notice: 'escalated', people };
  }
  return { notice: 'assigned', people: [] };
}

const isSelf = (person: StaffNotificationPreference, actor: Actor): boolean => person.staffId === actor.id;

/**
 * Staff notifications as a destination of the outbound consumer. `plan` names who the event
 * concerns (never the one who did it), each by their preference: at once (`staff:<id>`), or in their
 * daily digest (`digest:<id>:<local date>`, not before the digest time in the city's zone; every
 * notice of that person's day shares the key). `deliver` reads the preference as it stands then;
 * a digest's first delivery sends one message with every delivery of that key still due (read from
 * the delivery log) and records them as its parts, so the others, performed after it, send nothing
 * again. `settled` records StaffNotified on the ticket.
 */
export class StaffNotificationDestination implements OutboundDestination {
  readonly id = STAFF_NOTIFICATIONS;
  private readonly preferences: StaffNotificationPreferences;
  private readonly digests = new KeyedLock();
  private readonly log: Kysely<OutboundDb>;

  constructor(
    private readonly store: EventStore,
    readStore: ReadStore,
    private readonly catalog: ServiceCatalog,
    private readonly context: NotificationContext,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.preferences = new StaffNotificationPreferences(readStore);
    this.log = outboundDb(readStore.db);
  }

  async plan(event: RecordedEvent): Promise<readonly PlannedDelivery[]> {
    const ticketId = ticketIdOfStream(event.streamName);
    if (!ticketId || !this.context.email || (event.type !== 'TicketAssigned' && event.type !== 'TicketEscalated')) return [];
    const ticket = await loadTicket(this.store, ticketId);
    const step = ticket.records.find((s) => s.stored.id === event.id);
    if (!step?.event) return [];
    const { notice, people } = await recipientsOf(step, this.preferences);
    const facts = this.factsOf(step);
    const timeZone = this.catalog.config.calendar.timeZone;
    return people
      .filter((person) => person.delivery !== 'none' && !isSelf(person, step.event!.metadata.actor))
      .map((person) => {
        if (person.delivery === 'immediate') {
          const payload: StaffDeliveryPayload = { staffId: person.staffId, ticketId, notice, delivery: 'immediate', facts };
          return { key: `staff:${person.staffId}`, payload: payload as unknown as Record<string, unknown> };
        }
        const digest = nextDigest(new Date(facts.at), person.digestTime, timeZone);
        const payload: StaffDeliveryPayload = { staffId: person.staffId, ticketId, notice, delivery: 'digest', digestDate: digest.date, facts };
        return { key: `digest:${person.staffId}:${digest.date}`, payload: payload as unknown as Record<string, unknown>, notBefore: digest.due };
      });
  }

  async deliver(delivery: DeliveryAttempt): Promise<DeliveryOutcome> {
    const payload = delivery.payload as unknown as StaffDeliveryPayload;
    const person = await this.preferences.get(payload.staffId);
    if (!person || person.delivery === 'none') return { status: 'delivered', detail: skippedDetail('preference_none') };
    if (!this.context.email) return { status: 'delivered', detail: skippedDetail('email_off') };
    const options = { cityName: this.context.cityName, timeZone: this.catalog.config.calendar.timeZone, consoleUrl: `${this.context.publicUrl}/console` };
    if (payload.delivery === 'immediate') {
      const message = staffMessage(payload.notice, payload.facts, options);
      const result = await this.context.email.send({ to: person.email, ...message, messageId: messageIdOf(delivery.deliveryId, this.context.messageIdDomain) });
      return outcomeOfSend(result);
    }
    return this.digests.run(delivery.key, () => this.deliverDigest(delivery, person, { ...options, digestDate: payload.digestDate ?? '' }));
  }

  async settled(delivery: DeliveryAttempt, outcome: SettledDelivery): Promise<void> {
    const payload = delivery.payload as unknown as StaffDeliveryPayload;
    const fact: StaffNotified = {
      type: 'StaffNotified',
      data: {
        staffId: payload.staffId,
        notice: payload.notice,
        channel: 'email',
        delivery: payload.delivery,
        ...notificationRecordOf(delivery, outcome),
      },
    };
    await recordSettled(this.store, payload.ticketId, delivery, outcome, fact);
  }

  /** One message for every delivery of this digest still due that no digest sent yet (this one among them). */
  private async deliverDigest(
    delivery: DeliveryAttempt,
    person: StaffNotificationPreference,
    options: Parameters<typeof staffDigestMessage>[1],
  ): Promise<DeliveryOutcome> {
    const already = await this.preferences.sentInDigest([delivery.deliveryId]);
    if (already.has(delivery.deliveryId)) return { status: 'delivered', detail: `in digest ${already.get(delivery.deliveryId)}` };
    const due = await this.log
      .selectFrom('ob_deliveries')
      .select(['delivery_id', 'payload', 'position'])
      .where('destination', '=', this.id)
      .where('delivery_key', '=', delivery.key)
      .where('status', 'in', ['pending', 'sending'])
      .orderBy('position')
      .execute();
    const sent = await this.preferences.sentInDigest(due.map((row) => row.delivery_id));
    // In the log's order (this delivery is among them: it is being attempted); the digest lists the day's notices as they happened.
    const parts = due.filter((row) => !sent.has(row.delivery_id));
    if (!parts.some((row) => row.delivery_id === delivery.deliveryId))
      parts.push({ delivery_id: delivery.deliveryId, payload: JSON.stringify(delivery.payload), position: '' });
    const items = parts.map((row) => JSON.parse(row.payload) as StaffDeliveryPayload).map((p) => ({ notice: p.notice, facts: p.facts }));
    const messageId = messageIdOf(delivery.deliveryId, this.context.messageIdDomain);
    const result = await this.context.email!.send({ to: person.email, ...staffDigestMessage(items, options), messageId });
    if (!result.accepted) return { status: 'failed', error: result.error, retryable: result.retryable };
    await this.preferences.recordDigest(
      delivery.key,
      messageId,
      parts.map((row) => row.delivery_id),
      this.now(),
    );
    return { status: 'delivered', detail: `digest of ${items.length}: ${result.detail}` };
  }

  private factsOf(step: TicketHistoryStep): StaffNoticeFacts {
    const state = step.stateAfter;
    const event = step.event!;
    const department = state.department ?? state.owningDepartment;
    return {
      ticketId: state.ticketId ?? '',
      serviceName: this.catalog.service(state.serviceCode ?? '')?.name ?? state.serviceCode ?? '',
      ...(department ? { departmentName: this.catalog.department(department)?.name ?? department } : {}),
      ...(state.priority ? { priority: state.priority } : {}),
      ...(state.dueAt ? { dueAt: state.dueAt } : {}),
      ...(event.type === 'TicketEscalated' ? { tier: event.data.tier, reason: event.data.reason } : {}),
      by: event.metadata.actor.id,
      at: event.metadata.occurredAt,
    };
  }
}
