import { Module } from '@nestjs/common';
import { ReadYourWritesModule } from '../read-your-writes/read-your-writes.module';
import { AvailabilityController } from './availability.controller';
import { LineNowController } from './line-now.controller';
import { PhoneCoverageMetricsController } from './phone-coverage-metrics.controller';
import { availabilityCommandsProvider, rosterCommandsProvider } from './phone-coverage.providers';
import { RosterController } from './roster.controller';

/** Phone coverage: department rosters, staff availability, who answers a line now, and the coverage report. */
@Module({
  imports: [ReadYourWritesModule],
  controllers: [RosterController, LineNowController, AvailabilityController, PhoneCoverageMetricsController],
  providers: [rosterCommandsProvider, availabilityCommandsProvider],
  exports: [rosterCommandsProvider, availabilityCommandsProvider],
})
export class PhoneCoverageModule {}
