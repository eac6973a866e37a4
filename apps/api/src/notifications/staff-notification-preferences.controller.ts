import { Body, Controller, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DEFAULT_DIGEST_TIME, type Notifications, type StaffNotificationPreference, StaffNotificationPreferences } from '@switchboard/outbound';
import type { ReadStore } from '@switchboard/read-models';
import type { Actor, ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CLOCK, type Clock } from '../clock/clock';
import { InvalidRequest, QueryForbidden } from '../errors/api-exceptions';
import { READ_STORE } from '../read-models/read-models.module';
import {
  MyNotificationPreferenceDto,
  NotificationChannelsDto,
  StaffNotificationPreferenceDto,
  StaffNotificationPreferenceForRequestDto,
  StaffNotificationPreferenceRequestDto,
  StaffNotificationPreferencesDto,
} from './notifications.dto';
import { NOTIFICATIONS } from './notifications.providers';

/** The roles notices go to: assignees, department heads, the director. */
const NOTIFIED_ROLES = ['staff', 'department_head', 'director'] as const;
const STAFF_ID = /^[\w.@-]{1,80}$/;

const OWN_RULE = 'staffSetTheirOwnNotificationPreference';
const DIRECTOR_RULE = 'staffNotificationPreferencesAreTheDirectors';
const ownRefusal = (actor: Actor) =>
  new QueryForbidden(
    OWN_RULE,
    NOTIFIED_ROLES.map((role) => ({ role })),
    `Notification preferences are for staff, department heads and the director; ${actor.id} is ${actor.role}.`,
  );
const directorRefusal = () =>
  new QueryForbidden(DIRECTOR_RULE, [{ role: 'director' }], "Only the director reads and sets other staff members' notification preferences.");

/**
 * Staff notification preferences, one per person: e-mailed at once, in one daily digest at a local
 * time of their choosing, or not at all — for tickets assigned to them, escalations to their
 * department (its heads) and tier-2 escalations (the director). Each sets their own; the director
 * reads everyone's and may set anyone's.
 */
@ApiTags('notifications')
@Controller('notifications')
export class StaffNotificationPreferencesController {
  private readonly preferences: StaffNotificationPreferences;

  constructor(
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(NOTIFICATIONS) private readonly notifications: Notifications,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.preferences = new StaffNotificationPreferences(readStore);
  }

  /** Which channels this API sends notifications by (the start banner's lines): for staff, 311 and the director. */
  @Get('channels')
  @ApiOkResponse({ type: NotificationChannelsDto })
  channels(@CurrentActor() actor: Actor): NotificationChannelsDto {
    if (actor.role === 'resident' || actor.role === 'system') throw ownRefusal(actor);
    const { context, channels } = this.notifications;
    return { channels: [...channels], email: context.email !== undefined, sms: context.sms !== undefined };
  }

  /** The caller's own preference, absent while they have none (they get no notices then). */
  @Get('preferences/me')
  @ApiOkResponse({ type: MyNotificationPreferenceDto })
  async mine(@CurrentActor() actor: Actor): Promise<MyNotificationPreferenceDto> {
    if (!isNotified(actor)) throw ownRefusal(actor);
    const preference = await this.preferences.get(actor.id);
    return { staffId: actor.id, ...(preference ? { preference } : {}) };
  }

  /** Sets the caller's own preference (their role and department are the token's). */
  @Put('preferences/me')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffNotificationPreferenceDto })
  async setMine(@Body() body: StaffNotificationPreferenceRequestDto, @CurrentActor() actor: Actor): Promise<StaffNotificationPreferenceDto> {
    if (!isNotified(actor)) throw ownRefusal(actor);
    return this.save(actor.id, actor.role, actor.department, body, actor);
  }

  /** Everyone's preferences (the director). */
  @Get('preferences')
  @ApiOkResponse({ type: StaffNotificationPreferencesDto })
  async all(@CurrentActor() actor: Actor): Promise<StaffNotificationPreferencesDto> {
    if (actor.role !== 'director') throw directorRefusal();
    return { preferences: await this.preferences.list() };
  }

  /** Sets a staff member's preference (the director), naming their role and department. */
  @Put('preferences/:staffId')
  @HttpCode(200)
  @ApiOkResponse({ type: StaffNotificationPreferenceDto })
  async setFor(
    @Param('staffId') staffId: string,
    @Body() body: StaffNotificationPreferenceForRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<StaffNotificationPreferenceDto> {
    if (actor.role !== 'director') throw directorRefusal();
    if (!STAFF_ID.test(staffId)) throw new InvalidRequest([{ field: 'staffId', message: 'must be a user id (letters, digits, . _ @ -; at most 80)' }]);
    if (body.role !== 'director' && !body.department) throw new InvalidRequest([{ field: 'department', message: `is required for ${body.role}` }]);
    if (body.department && !this.catalog.department(body.department))
      throw new InvalidRequest([{ field: 'department', message: `is not a department of the catalog: ${body.department}` }]);
    return this.save(staffId, body.role, body.role === 'director' ? undefined : body.department, body, actor);
  }

  private async save(
    staffId: string,
    role: StaffNotificationPreference['role'],
    department: string | undefined,
    body: StaffNotificationPreferenceRequestDto,
    actor: Actor,
  ): Promise<StaffNotificationPreference> {
    const preference: StaffNotificationPreference = {
      staffId,
      role,
      ...(department ? { department } : {}),
      email: body.email,
      delivery: body.delivery,
      digestTime: body.digestTime ?? DEFAULT_DIGEST_TIME,
      updatedAt: this.clock.now().toISOString(),
      updatedBy: actor.id,
    };
    await this.preferences.set(preference);
    return preference;
  }
}

const isNotified = (actor: Actor): boolean => (NOTIFIED_ROLES as readonly string[]).includes(actor.role);
