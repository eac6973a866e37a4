/** One record of a source file: its fields by column name, and the line it starts on (for error messages). */
export interface SourceRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  /** Set when the record itself is malformed (e.g. a CSV row with the wrong number of fields). */
  readonly problem?: string;
}
