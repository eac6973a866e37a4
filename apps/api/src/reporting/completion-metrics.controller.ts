import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@switchboard/ticketing';
import { CurrentActor } from '../auth/current-actor.decorator';
import { type CompletionReport, CompletionReporter } from './completion-report';
import { CompletionQueryDto } from './completion-query.dto';

@ApiTags('reporting')
@Controller('metrics')
export class CompletionMetricsController {
  constructor(private readonly reporter: CompletionReporter) {}

  /** Completion figures per group and period (docs/metrics.md defines each): director, and department heads for their department. */
  @Get('completion')
  completion(@Query() query: CompletionQueryDto, @CurrentActor() actor: Actor): Promise<CompletionReport> {
    return this.reporter.report(query, actor);
  }
}
