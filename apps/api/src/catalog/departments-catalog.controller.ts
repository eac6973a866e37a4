import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OpenToResidents } from '../auth/resident-boundary';
import type { ServiceCatalog } from '@switchboard/ticketing';
import { CATALOG } from './catalog.module';
import { DepartmentsCatalogView } from './departments-catalog.dto';

/** The catalog's departments and services, in catalog order, from the catalog the API was started with. */
export function departmentsCatalogView(catalog: ServiceCatalog): DepartmentsCatalogView {
  return {
    timeZone: catalog.config.calendar.timeZone,
    departments: catalog.departments().map((department) => ({
      id: department.code,
      name: department.name,
      mainLineRoutedTo311: department.mainLineRoutedTo311 === true,
      services: catalog
        .services()
        .filter((service) => service.department === department.code)
        .map((service) => ({ code: service.code, name: service.name })),
    })),
  };
}

@ApiTags('catalog')
@OpenToResidents()
@Controller('departments')
export class DepartmentsCatalogController {
  private readonly view: DepartmentsCatalogView;

  constructor(@Inject(CATALOG) catalog: ServiceCatalog) {
    // The catalog is frozen for the life of the process: one view serves every request.
    this.view = departmentsCatalogView(catalog);
  }

  /** Departments with the services each owns, and the city's time zone: any authenticated role (the catalog is public information). */
  @Get()
  @ApiOkResponse({ type: DepartmentsCatalogView })
  departments(): DepartmentsCatalogView {
    return this.view;
  }
}
