import type { ServiceAttribute, ServiceType } from '@switchboard/ticketing';
import { listOf, type Open311Record } from '../format/open311-document';

/** Every service is `realtime`: POST requests answers the service_request_id at once. */
export const SERVICE_TYPE = 'realtime';

/** A service as GET services lists it. */
export function serviceEntry(service: ServiceType): Open311Record {
  return {
    service_code: service.code,
    service_name: service.name,
    description: service.description,
    metadata: service.attributes.length > 0,
    type: SERVICE_TYPE,
    keywords: service.keywords.join(', '),
    group: service.group,
  };
}

/** A service definition: its attributes in presentation order, with their choices. */
export function serviceDefinition(service: ServiceType): Open311Record {
  const attributes = [...service.attributes].sort((a, b) => a.order - b.order);
  return { service_code: service.code, attributes: listOf('attribute', attributes.map(attributeEntry)) };
}

function attributeEntry(attribute: ServiceAttribute): Open311Record {
  return {
    variable: attribute.variable,
    code: attribute.code,
    datatype: attribute.datatype,
    required: attribute.required,
    datatype_description: attribute.datatypeDescription ?? null,
    order: attribute.order,
    description: attribute.description,
    values: attribute.values
      ? listOf(
          'value',
          attribute.values.map(({ key, name }) => ({ key, name })),
        )
      : undefined,
  };
}
