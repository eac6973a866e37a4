import { ElementList, type Open311Document, type Open311Value } from './open311-document';

/** The JSON text of a document by the Spark convention: the root element drops away, lists become arrays. */
export function toJson(document: Open311Document): string {
  return JSON.stringify(jsonValue(document.body));
}

function jsonValue(value: Open311Value): unknown {
  if (value instanceof ElementList) return value.items.map(jsonValue);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .map(([name, child]) => [name, jsonValue(child)]),
  );
}
