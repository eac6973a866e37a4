import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InvalidQueryParameterError, type ReadModels } from '@switchboard/read-models';
import { type Actor, duplicateRadiusOf, type ServiceCatalog } from '@switchboard/ticketing';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { assertMayRead } from '../../auth/read-access';
import { CATALOG } from '../../catalog/catalog.module';
import { READ_MODELS } from '../../read-models/read-models.module';
import { ReadYourWrites } from '../../read-your-writes/read-your-writes';
import { ResidentLookups } from '../../residents/resident-lookups';
import { PossibleDuplicatesDto, PossibleDuplicatesQueryDto } from './possible-duplicates.dto';

@ApiTags('queries')
@Controller('tickets')
export class PossibleDuplicatesController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CATALOG) private readonly catalog: ServiceCatalog,
    private readonly lookups: ResidentLookups,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /**
   * Before a ticket is opened: open tickets of the same service at the same address or within the
   * service's duplicate radius, and — with `phone` or `email`, for 311 and the director, recorded as
   * a look-up — the caller's own open tickets.
   */
  @Get('possible-duplicates')
  @ApiOkResponse({ type: PossibleDuplicatesDto })
  async possibleDuplicates(@Query() query: PossibleDuplicatesQueryDto, @CurrentActor() actor: Actor): Promise<PossibleDuplicatesDto> {
    const service = this.catalog.service(query.service);
    if (!service) throw new InvalidQueryParameterError('service', `is not a service of the catalog: ${query.service}.`);
    const caller = query.phone !== undefined || query.email !== undefined;
    if (caller) assertMayRead('aResidentIsLookedUpBy311AndTheDirector', actor, {});
    const radiusMeters = duplicateRadiusOf(service);
    await this.readYourWrites.reach(query.position);
    const found = await this.readModels.possibleDuplicates({
      serviceCode: service.code,
      radiusMeters,
      latitude: query.lat === undefined ? undefined : Number(query.lat),
      longitude: query.long === undefined ? undefined : Number(query.long),
      address: query.address,
      phone: query.phone,
      email: query.email,
      limit: query.limit === undefined ? undefined : Number(query.limit),
    });
    if (caller)
      await this.lookups.record(
        actor,
        { purpose: 'duplicates', phone: query.phone, email: query.email },
        { tickets: found.callersOwn.map((ticket) => ticket.ticketId) },
      );
    return { radiusMeters, ...found };
  }
}
