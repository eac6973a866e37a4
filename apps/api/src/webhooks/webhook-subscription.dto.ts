import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUrl, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { DeliveryLogPage, DeliveryRecord, WebhookReplayResult, WebhookSubscription, WebhookSubscriptionWithSecret } from '@switchboard/outbound';
import { CATALOG_CODE, IsWholeNumber } from '../input/query-validators';
import { GLOBAL_POSITION } from '../read-your-writes/read-position.query';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = { message: 'must be an http(s) URL the subscriber receives webhooks at, e.g. https://works.example.org/switchboard' };
const EVENT_TYPE = /^[A-Za-z]{1,64}$/;
const DEPARTMENTS_MESSAGE = 'must be department codes of the catalog, e.g. ["DPW"]; leave it out for every department';
const EVENT_TYPES_MESSAGE = 'must be ticket event types, e.g. ["TicketCompleted"]; leave it out for every type';

/** POST /webhooks/subscriptions: where to deliver and which events; the answer holds the signing secret, shown this once. */
export class CreateWebhookSubscriptionDto {
  @IsUrl(URL_RULES, URL_MESSAGE) @MaxLength(2000) url!: string;
  @IsOptional() @IsString() @Length(1, 200) description?: string;
  /** Only events of tickets in these departments' queues (a move between two reaches the subscribers of both); left out: every department. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: DEPARTMENTS_MESSAGE })
  @ArrayMaxSize(100)
  @Matches(CATALOG_CODE, { each: true, message: DEPARTMENTS_MESSAGE })
  departments?: string[];
  /** Only events of these types; left out: every type. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: EVENT_TYPES_MESSAGE })
  @ArrayMaxSize(100)
  @Matches(EVENT_TYPE, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes?: string[];
  /** Default true; a disabled subscription is planned nothing, and its deliveries still due are given up. */
  @IsOptional() @IsBoolean() enabled?: boolean;
}

/** PATCH /webhooks/subscriptions/:id: the fields given change; `departments` or `eventTypes` null: every one again. */
export class UpdateWebhookSubscriptionDto {
  @IsOptional() @IsUrl(URL_RULES, URL_MESSAGE) @MaxLength(2000) url?: string;
  @IsOptional() @IsString() @Length(1, 200) description?: string | null;
  @ApiProperty({ type: [String], required: false, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: DEPARTMENTS_MESSAGE })
  @ArrayMaxSize(100)
  @Matches(CATALOG_CODE, { each: true, message: DEPARTMENTS_MESSAGE })
  departments?: string[] | null;
  @ApiProperty({ type: [String], required: false, nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: EVENT_TYPES_MESSAGE })
  @ArrayMaxSize(100)
  @Matches(EVENT_TYPE, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes?: string[] | null;
  @IsOptional() @IsBoolean() enabled?: boolean;
}

/** POST /webhooks/subscriptions/:id/rotate-secret. */
export class RotateWebhookSecretDto {
  /** How long the previous secret goes on signing beside the new one, 0–720 hours; default SWITCHBOARD_WEBHOOK_ROTATION_HOURS (24). */
  @IsOptional() @IsInt() @Min(0) @Max(720) overlapHours?: number;
}

/** POST /webhooks/subscriptions/:id/replay: deliver the events from `position` (inclusive) on again to this subscriber. */
export class ReplayWebhooksDto {
  /** A position of the log, e.g. one a delivery log entry or a command answered. */
  @Matches(GLOBAL_POSITION, { message: 'must be a position of the event log, e.g. 00000000000000000042' }) position!: string;
  /** Deliveries one replay schedules at most, 1–10,000 (default 10,000); the answer's `next` continues. */
  @IsOptional() @IsInt() @Min(1) @Max(10_000) limit?: number;
}

/** GET /webhooks/subscriptions/:id/deliveries?before=…&limit=… */
export class WebhookDeliveriesQueryDto {
  /** `next` of the previous page: deliveries of events before this position. */
  @IsOptional() @Matches(GLOBAL_POSITION, { message: 'must be the "next" of a previous page' }) before?: string;
  /** Deliveries per page, 1–200 (default 50). */
  @IsOptional() @IsWholeNumber(1, 200) limit?: string;
}

export class WebhookSubscriptionDto implements WebhookSubscription {
  readonly id!: string;
  readonly url!: string;
  readonly description?: string;
  @ApiProperty({ type: [String], required: false })
  readonly departments?: readonly string[];
  @ApiProperty({ type: [String], required: false })
  readonly eventTypes?: readonly string[];
  readonly enabled!: boolean;
  readonly createdAt!: string;
  /** The director who made it. */
  readonly createdBy!: string;
  readonly updatedAt!: string;
  /** While a rotation's window is open: until when the previous secret also signs. */
  readonly previousSecretValidUntil?: string;
}

export class WebhookSubscriptionListDto {
  readonly subscriptions!: WebhookSubscriptionDto[];
}

/** A subscription with its signing secret (`whsec_…`): answered when it is made and when the secret is rotated, never again. */
export class WebhookSubscriptionWithSecretDto implements WebhookSubscriptionWithSecret {
  readonly subscription!: WebhookSubscriptionDto;
  readonly secret!: string;
}

export class WebhookDeliveryAttemptDto {
  readonly attempt!: number;
  readonly startedAt!: string;
  readonly finishedAt?: string;
  /** delivered, failed, or interrupted (the process delivering it stopped mid-attempt; the next attempt has the same webhook-id). */
  readonly outcome?: string;
  readonly error?: string;
}

/** One event's delivery to the subscriber: its webhook-id is `deliveryId`. */
export class WebhookDeliveryDto implements DeliveryRecord {
  readonly deliveryId!: string;
  readonly eventId!: string;
  readonly eventType!: string;
  readonly streamName!: string;
  readonly position!: string;
  /** pending (waiting for its next attempt), sending, delivered, given_up. */
  @ApiProperty({ enum: ['pending', 'sending', 'delivered', 'given_up'] })
  readonly status!: DeliveryRecord['status'];
  readonly attempts!: number;
  readonly plannedAt!: string;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
  readonly detail?: string;
  readonly deliveredAt?: string;
  readonly finishedAt?: string;
  @ApiProperty({ type: [WebhookDeliveryAttemptDto] })
  readonly attemptLog!: readonly WebhookDeliveryAttemptDto[];
}

/** A page of the subscriber's delivery log, newest event first. */
export class WebhookDeliveryPageDto implements DeliveryLogPage {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  readonly deliveries!: readonly WebhookDeliveryDto[];
  /** Pass as `before` for the next page; absent on the last. */
  readonly next?: string;
}

export class WebhookReplayDto implements WebhookReplayResult {
  /** Deliveries scheduled; the consumer sends them as it sends any due delivery. */
  readonly scheduled!: number;
  /** The last position read. */
  readonly through?: string;
  /** Where the limit cut the replay short: replay from here to continue. */
  readonly next?: string;
}
