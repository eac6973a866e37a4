import { Body, Controller, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OpenTicketDto } from '../tickets/opening/open-ticket.dto';

/**
 * The API benchmark's baseline: the same authentication, validation and DTO as POST /tickets,
 * but nothing decided or written. Registered only when SWITCHBOARD_BENCH_BASELINE=1.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchBaselineController {
  /** Validates an open-ticket request and answers without writing. */
  @Post('baseline')
  accept(@Body() body: OpenTicketDto): { serviceCode: string } {
    return { serviceCode: body.serviceCode };
  }
}
