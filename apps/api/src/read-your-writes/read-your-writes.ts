import { Inject, Injectable } from '@nestjs/common';
import type { ReadModels } from '@switchboard/read-models';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { READ_MODELS } from '../read-models/read-models.module';

/** Lets a query see the caller's own writes: waits until the read models include a command's position. */
@Injectable()
export class ReadYourWrites {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Resolves once the read models include `position` (at once without one); rejects with ReadModelTimeoutError after the configured bound. */
  async reach(position: string | undefined): Promise<void> {
    if (position !== undefined) await this.readModels.waitForPosition(position, this.config.readWaitMs);
  }
}
