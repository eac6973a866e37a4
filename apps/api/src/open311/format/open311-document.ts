/**
 * The shape of an Open311 answer, written once and rendered as XML or as JSON (the spec's
 * Spark convention): a container of repeated elements is an `ElementList`, which becomes
 * `<services><service>…</service></services>` in XML and an array in JSON.
 */
export class ElementList {
  constructor(
    readonly itemName: string,
    readonly items: readonly Open311Value[],
  ) {}
}

/** `undefined` leaves the element out; `null` writes an empty element (`<account_id/>`, JSON `null`). */
export type Open311Value = string | number | boolean | null | undefined | ElementList | Open311Record;

export interface Open311Record {
  readonly [element: string]: Open311Value;
}

/** A whole answer: the XML root element's name and its content. */
export interface Open311Document {
  readonly root: string;
  readonly body: Open311Value;
}

/** A list of `itemName` elements. */
export const listOf = (itemName: string, items: readonly Open311Value[]): ElementList => new ElementList(itemName, items);
