/** The six attribute datatypes of Open311 GeoReport v2. */
export const ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

export type AttributeDatatype = (typeof ATTRIBUTE_DATATYPES)[number];

/** The datatypes whose answers are chosen from `values`. */
export const LIST_DATATYPES: readonly AttributeDatatype[] = ['singlevaluelist', 'multivaluelist'];

/** An extra question a service asks when a request is opened (an Open311 service definition attribute). */
export interface ServiceAttribute {
  code: string;
  datatype: AttributeDatatype;
  description: string;
  required: boolean;
  /** Position in which clients show the question. */
  order: number;
  /** false: the attribute only presents information and takes no answer. */
  variable: boolean;
  datatypeDescription?: string;
  values?: { key: string; name: string }[];
}
