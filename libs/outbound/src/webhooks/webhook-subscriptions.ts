import { randomBytes } from 'node:crypto';
import type { ReadStore } from '@switchboard/read-models';
import { outboundDb, type WebhookSubscriptionsTable } from '../consumer/outbound-db';
import { generateWebhookSecret } from './standard-webhooks';

/** A webhook subscriber as the director sees it: never its secret, which is shown once when made or rotated. */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly description?: string;
  /** Departments whose tickets' events it gets; absent: every department. */
  readonly departments?: readonly string[];
  /** Event types it gets; absent: every type. */
  readonly eventTypes?: readonly string[];
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  /** While a rotation's window is open: until when the previous secret also signs. */
  readonly previousSecretValidUntil?: string;
}

/** What the director sets; on update, an absent field stays as it is and `null` clears a filter (back to every one). */
export interface WebhookSubscriptionFields {
  readonly url?: string;
  readonly description?: string | null;
  readonly departments?: readonly string[] | null;
  readonly eventTypes?: readonly string[] | null;
  readonly enabled?: boolean;
}

/** A subscription with the secret it was just given: the only answer that holds it. */
export interface WebhookSubscriptionWithSecret {
  readonly subscription: WebhookSubscription;
  readonly secret: string;
}

/** What a delivery needs: where to, whether it is still wanted, and the secrets that sign now. */
export interface WebhookTarget {
  readonly subscription: WebhookSubscription;
  /** The current secret first, then the previous one while its window is open. */
  readonly secrets: readonly string[];
}

const listOf = (text: string | null): readonly string[] | undefined => (text === null ? undefined : (JSON.parse(text) as string[]));
const textOf = (list: readonly string[] | null | undefined): string | null =>
  list === null || list === undefined ? null : JSON.stringify([...new Set(list)].sort());

function subscriptionOf(row: WebhookSubscriptionsTable, now?: Date): WebhookSubscription {
  const departments = listOf(row.departments);
  const eventTypes = listOf(row.event_types);
  const rotating = row.previous_secret_until !== null && (now === undefined || Date.parse(row.previous_secret_until) > now.getTime());
  return {
    id: row.subscription_id,
    url: row.url,
    ...(row.description ? { description: row.description } : {}),
    ...(departments ? { departments } : {}),
    ...(eventTypes ? { eventTypes } : {}),
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    ...(rotating ? { previousSecretValidUntil: row.previous_secret_until! } : {}),
  };
}

/** Whether a subscription wants an event of this type concerning these departments. */
export function subscriptionWants(subscription: WebhookSubscription, eventType: string, departments: readonly string[]): boolean {
  if (!subscription.enabled) return false;
  if (subscription.eventTypes && !subscription.eventTypes.includes(eventType)) return false;
  return !subscription.departments || departments.some((department) => subscription.departments!.includes(department));
}

/**
 * The webhook subscriptions, kept in the read store beside the delivery log (migration 15). A
 * secret is generated here, answered once, and kept only to sign; a rotation keeps the previous
 * secret signing beside the new one until its window closes, so receivers can switch without a gap.
 */
export class WebhookSubscriptions {
  constructor(private readonly store: ReadStore) {}

  private get db() {
    return outboundDb(this.store.db);
  }

  async create(fields: WebhookSubscriptionFields & { readonly url: string }, createdBy: string, now: Date): Promise<WebhookSubscriptionWithSecret> {
    const secret = generateWebhookSecret();
    const row: WebhookSubscriptionsTable = {
      subscription_id: `wh_${randomBytes(8).toString('hex')}`,
      url: fields.url,
      description: fields.description ?? null,
      departments: textOf(fields.departments),
      event_types: textOf(fields.eventTypes),
      secret,
      previous_secret: null,
      previous_secret_until: null,
      enabled: fields.enabled === false ? 0 : 1,
      created_at: now.toISOString(),
      created_by: createdBy,
      updated_at: now.toISOString(),
    };
    await this.db.insertInto('ob_webhook_subscriptions').values(row).execute();
    return { subscription: subscriptionOf(row, now), secret };
  }

  async list(now: Date): Promise<WebhookSubscription[]> {
    const rows = await this.db.selectFrom('ob_webhook_subscriptions').selectAll().orderBy('created_at').orderBy('subscription_id').execute();
    return rows.map((row) => subscriptionOf(row, now));
  }

  async get(id: string, now: Date): Promise<WebhookSubscription | undefined> {
    const row = await this.row(id);
    return row && subscriptionOf(row, now);
  }

  /** Changes the fields given; undefined when there is no such subscription. */
  async update(id: string, fields: WebhookSubscriptionFields, now: Date): Promise<WebhookSubscription | undefined> {
    const changes: Partial<WebhookSubscriptionsTable> = { updated_at: now.toISOString() };
    if (fields.url !== undefined) changes.url = fields.url;
    if (fields.description !== undefined) changes.description = fields.description;
    if (fields.departments !== undefined) changes.departments = textOf(fields.departments);
    if (fields.eventTypes !== undefined) changes.event_types = textOf(fields.eventTypes);
    if (fields.enabled !== undefined) changes.enabled = fields.enabled ? 1 : 0;
    const updated = await this.db.updateTable('ob_webhook_subscriptions').set(changes).where('subscription_id', '=', id).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1 ? this.get(id, now) : undefined;
  }

  /** Removes a subscription; its deliveries not yet made are given up when they come due. False when there was none. */
  async remove(id: string): Promise<boolean> {
    const deleted = await this.db.deleteFrom('ob_webhook_subscriptions').where('subscription_id', '=', id).executeTakeFirst();
    return Number(deleted.numDeletedRows) === 1;
  }

  /** A new secret signs from now on; the current one goes on signing beside it for `overlapMs`. Undefined when there is no such subscription. */
  async rotate(id: string, now: Date, overlapMs: number): Promise<WebhookSubscriptionWithSecret | undefined> {
    const secret = generateWebhookSecret();
    return this.store.writeTransaction(async (trx) => {
      const db = outboundDb(trx);
      const row = await db.selectFrom('ob_webhook_subscriptions').selectAll().where('subscription_id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const rotated: WebhookSubscriptionsTable = {
        ...row,
        secret,
        previous_secret: overlapMs > 0 ? row.secret : null,
        previous_secret_until: overlapMs > 0 ? new Date(now.getTime() + overlapMs).toISOString() : null,
        updated_at: now.toISOString(),
      };
      await db
        .updateTable('ob_webhook_subscriptions')
        .set({ secret, previous_secret: rotated.previous_secret, previous_secret_until: rotated.previous_secret_until, updated_at: rotated.updated_at })
        .where('subscription_id', '=', id)
        .execute();
      return { subscription: subscriptionOf(rotated, now), secret };
    });
  }

  /** Where a delivery goes and the secrets that sign it at `now`; undefined when the subscription was removed. */
  async target(id: string, now: Date): Promise<WebhookTarget | undefined> {
    const row = await this.row(id);
    if (!row) return undefined;
    const previousSigns = row.previous_secret !== null && row.previous_secret_until !== null && Date.parse(row.previous_secret_until) > now.getTime();
    return { subscription: subscriptionOf(row, now), secrets: previousSigns ? [row.secret, row.previous_secret!] : [row.secret] };
  }

  private row(id: string): Promise<WebhookSubscriptionsTable | undefined> {
    return this.db.selectFrom('ob_webhook_subscriptions').selectAll().where('subscription_id', '=', id).executeTakeFirst();
  }
}
