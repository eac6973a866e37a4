/** A service as pickers and labels show it. */
export class CatalogServiceView {
  readonly code!: string;
  readonly name!: string;
}

/** A department and the services it owns. Phone numbers and e-mail addresses are left out: no other route publishes them. */
export class CatalogDepartmentView {
  readonly id!: string;
  readonly name!: string;
  /** The department's own phone line is answered by 311. */
  readonly mainLineRoutedTo311!: boolean;
  readonly services!: CatalogServiceView[];
}

/** GET /departments. */
export class DepartmentsCatalogView {
  /** The catalog calendar's IANA zone: the city's local time. */
  readonly timeZone!: string;
  readonly departments!: CatalogDepartmentView[];
}
