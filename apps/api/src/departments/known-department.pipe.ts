import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from '../catalog/catalog.module';
import { DepartmentNotFound } from '../errors/api-exceptions';

/** `:id` of a department route: a department code of the catalog, else 404 (the read models keep no list of departments). */
@Injectable()
export class KnownDepartmentPipe implements PipeTransform<string, string> {
  constructor(@Inject(CATALOG) private readonly catalog: ServiceCatalog) {}

  transform(code: string): string {
    if (!this.catalog.department(code)) throw new DepartmentNotFound(code);
    return code;
  }
}
