"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LIST_DATATYPES = exports.ATTRIBUTE_DATATYPES = void 0;
/** The six attribute datatypes of Open311 GeoReport v2. */
exports.ATTRIBUTE_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
/** The datatypes whose answers are chosen from `values`. */
exports.LIST_DATATYPES = ['singlevaluelist', 'multivaluelist'];
//# sourceMappingURL=service-attribute.js.map