import { Open311Error } from '../../errors/open311-error';

/** A parsed form or query string: repeated names carry arrays. */
export type FormFields = Readonly<Record<string, unknown>>;

/**
 * The one value of a field, or undefined when it is absent or empty (the spec treats an empty
 * optional argument as an absent one). A field sent twice is an error, not a silent pick.
 */
export function singleField(fields: FormFields, name: string): string | undefined {
  const value = fields[name];
  if (Array.isArray(value)) throw new Open311Error(400, `${name} was given ${value.length} times; send it once.`);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
