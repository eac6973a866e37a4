"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseCatalog = parseCatalog;
const catalog_error_1 = require("./catalog-error");
const json_text_1 = require("./json-text");
const service_catalog_1 = require("./service-catalog");
/** Parses and validates catalog JSON text; `source` (a file name) appears in every error. Throws CatalogError listing every problem. */
function parseCatalog(text, source) {
    const json = (0, json_text_1.parseJsonText)(text);
    if (!json.ok) {
        throw new catalog_error_1.CatalogError(source, [{ path: '', message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` }]);
    }
    // createServiceCatalog validates the untrusted value before anything relies on its type.
    return (0, service_catalog_1.createServiceCatalog)(json.value, source);
}
//# sourceMappingURL=parse-catalog.js.map