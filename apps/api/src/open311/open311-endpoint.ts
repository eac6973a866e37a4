import { statSync } from 'node:fs';
import { Inject, Injectable } from '@nestjs/common';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import type { ApiConfig, Open311Config } from '../config/api-config';
import { API_CONFIG } from '../config/config.module';
import { Open311Error } from './errors/open311-error';
import { responseFormat, type ResponseFormat } from './format/response-format';
import { w3cDateTime } from './format/w3c-datetime';

/** What every Open311 resource shares: the catalog, the one jurisdiction served, the city's time zone and settings. */
@Injectable()
export class Open311Endpoint {
  readonly settings: Open311Config;
  readonly jurisdiction: string;
  /** When the catalog (services and their definitions) last changed: discovery's `changeset`. */
  readonly changeset: string;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    @Inject(CATALOG) readonly catalog: ServiceCatalog,
  ) {
    this.settings = config.open311;
    this.jurisdiction = catalog.config.jurisdiction;
    this.changeset = this.dateTime(statSync(config.catalogPath).mtime.toISOString());
  }

  /** An instant as a W3C date-time in the city's time zone. */
  dateTime(iso: string): string {
    return w3cDateTime(iso, this.catalog.config.calendar.timeZone);
  }

  /** The format a reading answers in, by the URL's extension (an unknown one is a 404 first), once its jurisdiction_id is checked. */
  answerFormat(extension: string, jurisdictionId: unknown): ResponseFormat {
    const format = responseFormat(extension);
    this.checkJurisdiction(jurisdictionId);
    return format;
  }

  /** jurisdiction_id is optional (one jurisdiction is served) but, when given, must be that one. */
  checkJurisdiction(jurisdictionId: unknown): void {
    if (jurisdictionId === undefined || jurisdictionId === '') return;
    if (jurisdictionId !== this.jurisdiction) {
      throw new Open311Error(404, `jurisdiction_id ${JSON.stringify(jurisdictionId)} was not found; this endpoint serves "${this.jurisdiction}".`);
    }
  }
}
