import { type ConfigReader, elementPath, fieldPath } from '../calendar';
import { forEachCodedEntry } from './catalog-code';
import { ATTRIBUTE_DATATYPES, LIST_DATATYPES } from './service-attribute';

const ATTRIBUTE = {
  kind: 'attribute',
  fields: ['code', 'datatype', 'description', 'required', 'order', 'variable', 'datatypeDescription', 'values'],
} as const;

/** Reports problems of a service's attribute list at `path`: each attribute, and repeated codes or orders. */
export function checkAttributes(reader: ConfigReader, value: unknown, path: string): void {
  const checkRepeatedOrder = reader.repeatCheck('attribute order');
  forEachCodedEntry(reader, value, path, ATTRIBUTE, (attribute, attributePath) => {
    const order = reader.integer(attribute.order, fieldPath(attributePath, 'order'));
    if (order !== undefined && order < 1) reader.report(fieldPath(attributePath, 'order'), `must be 1 or more (got ${order})`);
    else if (order !== undefined) checkRepeatedOrder(order, fieldPath(attributePath, 'order'));
    reader.string(attribute.description, fieldPath(attributePath, 'description'));
    reader.string(attribute.datatypeDescription, fieldPath(attributePath, 'datatypeDescription'), true);
    const required = reader.boolean(attribute.required, fieldPath(attributePath, 'required'));
    const variable = reader.boolean(attribute.variable, fieldPath(attributePath, 'variable'));
    if (required && variable === false) {
      reader.report(attributePath, 'an attribute that only presents information (variable: false) cannot be required');
    }
    const datatype = reader.oneOf(attribute.datatype, fieldPath(attributePath, 'datatype'), ATTRIBUTE_DATATYPES);
    if (datatype !== undefined) checkValues(reader, attribute.values, fieldPath(attributePath, 'values'), LIST_DATATYPES.includes(datatype));
  });
}

function checkValues(reader: ConfigReader, value: unknown, path: string, isList: boolean): void {
  if (!isList) {
    if (value !== undefined) reader.report(path, 'only singlevaluelist and multivaluelist attributes take values');
    return;
  }
  const values = reader.list(value, path);
  if (!values) return;
  if (values.length === 0) reader.report(path, 'a list attribute needs at least one value to choose from');
  const checkRepeatedKey = reader.repeatCheck('value key');
  values.forEach((entry, index) => {
    const valuePath = elementPath(path, index);
    const choice = reader.object(entry, valuePath, ['key', 'name']);
    if (!choice) return;
    const key = reader.string(choice.key, fieldPath(valuePath, 'key'));
    if (key !== undefined) checkRepeatedKey(key, fieldPath(valuePath, 'key'));
    reader.string(choice.name, fieldPath(valuePath, 'name'));
  });
}
