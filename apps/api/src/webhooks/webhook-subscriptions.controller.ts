import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Outbound, WebhookSubscription, WebhookSubscriptionFields } from '@switchboard/outbound';
import { type Actor, type ServiceCatalog, TICKET_EVENT_TYPES } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { assertMayRead } from '../auth/read-access';
import { CATALOG } from '../catalog/catalog.module';
import { CLOCK, type Clock } from '../clock/clock';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { type FieldProblem, InvalidRequest, WebhookSubscriptionDisabled, WebhookSubscriptionNotFound } from '../errors/api-exceptions';
import { OUTBOUND } from '../outbound/outbound.module';
import { ReadYourWrites } from '../read-your-writes/read-your-writes';
import {
  CreateWebhookSubscriptionDto,
  ReplayWebhooksDto,
  RotateWebhookSecretDto,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveriesQueryDto,
  WebhookDeliveryPageDto,
  WebhookReplayDto,
  WebhookSubscriptionDto,
  WebhookSubscriptionListDto,
  WebhookSubscriptionWithSecretDto,
} from './webhook-subscription.dto';

const HOUR_MS = 3_600_000;

/**
 * The director's webhook subscriptions (docs/integrations.md): who receives which ticket events,
 * signed by the Standard Webhooks scheme. The secret is answered once, when a subscription is made
 * or its secret rotated; the delivery log shows every attempt; a replay delivers events from a
 * position on again. The deliveries themselves are the outbound consumer's, wherever it runs.
 */
@ApiTags('webhooks')
@Controller('webhooks/subscriptions')
export class WebhookSubscriptionsController {
  constructor(
    @Inject(OUTBOUND) private readonly outbound: Outbound,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** Makes a subscription; the answer holds its signing secret (`whsec_…`), shown this once. */
  @Post()
  @ApiCreatedResponse({ type: WebhookSubscriptionWithSecretDto })
  create(@Body() body: CreateWebhookSubscriptionDto, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionWithSecretDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    this.checkFilters(body);
    return this.outbound.subscriptions.create({ ...body, url: body.url }, actor.id, this.clock.now());
  }

  @Get()
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  async list(@CurrentActor() actor: Actor): Promise<WebhookSubscriptionListDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    return { subscriptions: await this.outbound.subscriptions.list(this.clock.now()) };
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    return this.existing(id);
  }

  /** Changes the fields given (never the secret: rotate it). A filter set to null wants every department or type again. */
  @Patch(':id')
  @ApiOkResponse({ type: WebhookSubscriptionDto })
  async update(@Param('id') id: string, @Body() body: UpdateWebhookSubscriptionDto, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    this.checkFilters(body);
    const updated = await this.outbound.subscriptions.update(id, body, this.clock.now());
    if (!updated) throw notFound(id);
    return updated;
  }

  /** Removes the subscription; its deliveries still due are given up, its delivery log stays. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    if (!(await this.outbound.subscriptions.remove(id))) throw notFound(id);
  }

  /** A new secret signs from now on; the previous one goes on signing beside it for `overlapHours`, so the receiver can switch without a gap. */
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSubscriptionWithSecretDto })
  async rotate(@Param('id') id: string, @Body() body: RotateWebhookSecretDto, @CurrentActor() actor: Actor): Promise<WebhookSubscriptionWithSecretDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    const overlapMs = body.overlapHours === undefined ? this.config.outbound.webhooks.rotationOverlapMs : body.overlapHours * HOUR_MS;
    const rotated = await this.outbound.subscriptions.rotate(id, this.clock.now(), overlapMs);
    if (!rotated) throw notFound(id);
    return rotated;
  }

  /** The subscriber's deliveries, newest event first, each with every attempt. */
  @Get(':id/deliveries')
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  async deliveries(@Param('id') id: string, @Query() query: WebhookDeliveriesQueryDto, @CurrentActor() actor: Actor): Promise<WebhookDeliveryPageDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    await this.existing(id);
    return this.outbound.webhookDeliveries(id, { before: query.before, limit: query.limit === undefined ? 50 : Number(query.limit) });
  }

  /**
   * Delivers the events from `position` (inclusive) on again to this subscriber, as its filters want
   * them now, under the webhook-ids they were first sent with (so a receiver that has one drops it);
   * events from before the subscription was made are delivered for the first time.
   */
  @Post(':id/replay')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: WebhookReplayDto })
  async replay(@Param('id') id: string, @Body() body: ReplayWebhooksDto, @CurrentActor() actor: Actor): Promise<WebhookReplayDto> {
    assertMayRead('webhookSubscriptionsAreTheDirectors', actor, {});
    const subscription = await this.existing(id);
    if (!subscription.enabled) throw new WebhookSubscriptionDisabled(id);
    await this.readYourWrites.check(body.position);
    return this.outbound.replayWebhooks(id, body.position, body.limit);
  }

  private async existing(id: string): Promise<WebhookSubscription> {
    const subscription = await this.outbound.subscriptions.get(id, this.clock.now());
    if (!subscription) throw notFound(id);
    return subscription;
  }

  /** Departments must be the catalog's and event types the ticket events this version records: a typo would silently filter out everything. */
  private checkFilters(fields: WebhookSubscriptionFields): void {
    const problems: FieldProblem[] = [];
    const departments = new Set(this.catalog.departments().map((department) => department.code));
    const unknownDepartments = (fields.departments ?? []).filter((code) => !departments.has(code));
    if (unknownDepartments.length > 0) problems.push({ field: 'departments', message: `names no department of the catalog: ${unknownDepartments.join(', ')}` });
    const types = new Set<string>(TICKET_EVENT_TYPES);
    const unknownTypes = (fields.eventTypes ?? []).filter((type) => !types.has(type));
    if (unknownTypes.length > 0) problems.push({ field: 'eventTypes', message: `names no ticket event type: ${unknownTypes.join(', ')}` });
    if (problems.length > 0) throw new InvalidRequest(problems);
  }
}

const notFound = (id: string) => new WebhookSubscriptionNotFound(id);
