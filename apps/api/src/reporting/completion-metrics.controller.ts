import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CompletionReporter } from './completion-report';
import { CompletionReport } from './completion-report.dto';
import { CompletionQueryDto } from './completion-query.dto';

@ApiTags('reporting')
@Controller('metrics')
export class CompletionMetricsController {
  constructor(private readonly reporter: CompletionReporter) {}

  /** Completion figures per group and period (docs/metrics.md defines each): director, and department heads for their department. */
  @Get('completion')
  @ApiOkResponse({ type: CompletionReport })
  completion(@Query() query: CompletionQueryDto, @CurrentActor() actor: Actor): Promise<CompletionReport> {
    return this.reporter.report(query, actor);
  }
}
