"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkAttributes = checkAttributes;
const calendar_1 = require("../calendar");
const catalog_code_1 = require("./catalog-code");
const service_attribute_1 = require("./service-attribute");
const ATTRIBUTE = {
    kind: 'attribute',
    fields: ['code', 'datatype', 'description', 'required', 'order', 'variable', 'datatypeDescription', 'values'],
};
/** Reports problems of a service's attribute list at `path`: each attribute, and repeated codes or orders. */
function checkAttributes(reader, value, path) {
    const checkRepeatedOrder = reader.repeatCheck('attribute order');
    (0, catalog_code_1.forEachCodedEntry)(reader, value, path, ATTRIBUTE, (attribute, attributePath) => {
        const order = reader.integer(attribute.order, (0, calendar_1.fieldPath)(attributePath, 'order'));
        if (order !== undefined && order < 1)
            reader.report((0, calendar_1.fieldPath)(attributePath, 'order'), `must be 1 or more (got ${order})`);
        else if (order !== undefined)
            checkRepeatedOrder(order, (0, calendar_1.fieldPath)(attributePath, 'order'));
        reader.string(attribute.description, (0, calendar_1.fieldPath)(attributePath, 'description'));
        reader.string(attribute.datatypeDescription, (0, calendar_1.fieldPath)(attributePath, 'datatypeDescription'), true);
        const required = reader.boolean(attribute.required, (0, calendar_1.fieldPath)(attributePath, 'required'));
        const variable = reader.boolean(attribute.variable, (0, calendar_1.fieldPath)(attributePath, 'variable'));
        if (required && variable === false) {
            reader.report(attributePath, 'an attribute that only presents information (variable: false) cannot be required');
        }
        const datatype = reader.oneOf(attribute.datatype, (0, calendar_1.fieldPath)(attributePath, 'datatype'), service_attribute_1.ATTRIBUTE_DATATYPES);
        if (datatype !== undefined)
            checkValues(reader, attribute.values, (0, calendar_1.fieldPath)(attributePath, 'values'), service_attribute_1.LIST_DATATYPES.includes(datatype));
    });
}
function checkValues(reader, value, path, isList) {
    if (!isList) {
        if (value !== undefined)
            reader.report(path, 'only singlevaluelist and multivaluelist attributes take values');
        return;
    }
    const values = reader.list(value, path);
    if (!values)
        return;
    if (values.length === 0)
        reader.report(path, 'a list attribute needs at least one value to choose from');
    const checkRepeatedKey = reader.repeatCheck('value key');
    values.forEach((entry, index) => {
        const valuePath = (0, calendar_1.elementPath)(path, index);
        const choice = reader.object(entry, valuePath, ['key', 'name']);
        if (!choice)
            return;
        const key = reader.string(choice.key, (0, calendar_1.fieldPath)(valuePath, 'key'));
        if (key !== undefined)
            checkRepeatedKey(key, (0, calendar_1.fieldPath)(valuePath, 'key'));
        reader.string(choice.name, (0, calendar_1.fieldPath)(valuePath, 'name'));
    });
}
//# sourceMappingURL=attribute-problems.js.map