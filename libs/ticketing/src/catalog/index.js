"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createServiceCatalog = exports.LIST_DATATYPES = exports.ATTRIBUTE_DATATYPES = exports.PRIORITIES = exports.parseCatalog = exports.catalogProblems = exports.CatalogError = exports.SLA_UNITS = void 0;
var sla_1 = require("../calendar/sla");
Object.defineProperty(exports, "SLA_UNITS", { enumerable: true, get: function () { return sla_1.SLA_UNITS; } });
var catalog_error_1 = require("./catalog-error");
Object.defineProperty(exports, "CatalogError", { enumerable: true, get: function () { return catalog_error_1.CatalogError; } });
var catalog_problems_1 = require("./catalog-problems");
Object.defineProperty(exports, "catalogProblems", { enumerable: true, get: function () { return catalog_problems_1.catalogProblems; } });
var parse_catalog_1 = require("./parse-catalog");
Object.defineProperty(exports, "parseCatalog", { enumerable: true, get: function () { return parse_catalog_1.parseCatalog; } });
var priority_1 = require("./priority");
Object.defineProperty(exports, "PRIORITIES", { enumerable: true, get: function () { return priority_1.PRIORITIES; } });
var service_attribute_1 = require("./service-attribute");
Object.defineProperty(exports, "ATTRIBUTE_DATATYPES", { enumerable: true, get: function () { return service_attribute_1.ATTRIBUTE_DATATYPES; } });
Object.defineProperty(exports, "LIST_DATATYPES", { enumerable: true, get: function () { return service_attribute_1.LIST_DATATYPES; } });
var service_catalog_1 = require("./service-catalog");
Object.defineProperty(exports, "createServiceCatalog", { enumerable: true, get: function () { return service_catalog_1.createServiceCatalog; } });
//# sourceMappingURL=index.js.map