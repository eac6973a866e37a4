import type { CatalogConfig } from './catalog-config';
import { CatalogError } from './catalog-error';
import { parseJsonText } from './json-text';
import { createServiceCatalog, type ServiceCatalog } from './service-catalog';

/** Parses and validates catalog JSON text; `source` (a file name) appears in every error. Throws CatalogError listing every problem. */
export function parseCatalog(text: string, source: string): ServiceCatalog {
  const json = parseJsonText(text);
  if (!json.ok) {
    throw new CatalogError(source, [{ path: '', message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` }]);
  }
  // createServiceCatalog validates the untrusted value before anything relies on its type.
  return createServiceCatalog(json.value as CatalogConfig, source);
}
