import type { ReactNode } from 'react';
import type { WeeklySlot } from '../../lib/phone-coverage-types';
import { WEEKDAY_NAMES, WEEKDAY_ORDER } from './coverage-words';

/** A slot as the form holds it: text as typed (the API judges it, naming the field). */
export interface DraftSlot {
  /** The row's key on screen. */
  readonly key: number;
  readonly weekday: WeeklySlot['weekday'];
  readonly from: string;
  readonly until: string;
  readonly staffId: string;
}

let nextKey = 0;
export const draftSlot = (slot: Partial<Omit<DraftSlot, 'key'>> = {}): DraftSlot => ({
  key: nextKey++,
  weekday: slot.weekday ?? 'monday',
  from: slot.from ?? '',
  until: slot.until ?? '',
  staffId: slot.staffId ?? '',
});

/** The element id of a command field (`slots[0].from` → `roster-slots-0--from`). */
export const fieldId = (field: string): string => `roster-${field.replace(/[^\w-]/g, '-')}`;

/** The field's error, if the API named it, with the id its control is described by. */
export function FieldError({ field, errors }: { field: string; errors: ReadonlyMap<string, string> }) {
  // The domain's messages may start with the field's path, which the control's place already says.
  const message = errors.get(field)?.replace(`${field}: `, '');
  return message ? (
    <p id={`${fieldId(field)}-error`} className="field-error">
      {message}
    </p>
  ) : null;
}

/** What a control of `field` is described by: its own error, and its row's. */
export function describedBy(errors: ReadonlyMap<string, string>, ...fields: string[]): string | undefined {
  const ids = fields.filter((f) => errors.has(f)).map((f) => `${fieldId(f)}-error`);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * Slots to edit, one row each: the weekday (weekly slots only), from and until in local time
 * ('HH:MM'), and the staff member's user id; each control shows the error the API named for it
 * (`slots[2].until`), and a row's own error (an overlap) under the row.
 */
export function SlotRows({
  name,
  caption,
  rows,
  weekly,
  errors,
  onChange,
}: {
  /** The command field the rows are sent as: `slots` or `extra`. */
  name: string;
  caption: string;
  rows: readonly DraftSlot[];
  weekly: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (rows: DraftSlot[]) => void;
}) {
  const set = (index: number, change: Partial<DraftSlot>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const input = (index: number, key: 'from' | 'until' | 'staffId', label: string) => {
    const field = `${name}[${index}].${key}`;
    return (
      <td>
        <label className="visually-hidden" htmlFor={fieldId(field)}>
          {label}, {caption.toLowerCase()} row {index + 1}
        </label>
        <input
          id={fieldId(field)}
          value={rows[index][key]}
          size={key === 'staffId' ? 16 : 6}
          placeholder={key === 'staffId' ? 'e.g. sam.dpw' : 'HH:MM'}
          aria-invalid={errors.has(field) || errors.has(`${name}[${index}]`) || undefined}
          aria-describedby={describedBy(errors, field, `${name}[${index}]`)}
          onChange={(e) => set(index, { [key]: e.target.value })}
        />
        <FieldError field={field} errors={errors} />
      </td>
    );
  };
  return (
    <table className="slot-rows" data-testid={`${name}-rows`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {weekly && <th scope="col">Weekday</th>}
          <th scope="col">From</th>
          <th scope="col">Until</th>
          <th scope="col">Staff member (user id)</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={weekly ? 5 : 4}>No slots.</td>
          </tr>
        )}
        {rows.map((row, index) => (
          <SlotRow key={row.key} colSpan={weekly ? 5 : 4} rowField={`${name}[${index}]`} errors={errors}>
            {weekly && (
              <td>
                <label className="visually-hidden" htmlFor={fieldId(`${name}[${index}].weekday`)}>
                  Weekday, {caption.toLowerCase()} row {index + 1}
                </label>
                <select
                  id={fieldId(`${name}[${index}].weekday`)}
                  value={row.weekday}
                  aria-describedby={describedBy(errors, `${name}[${index}].weekday`)}
                  onChange={(e) => set(index, { weekday: e.target.value as WeeklySlot['weekday'] })}
                >
                  {WEEKDAY_ORDER.map((day) => (
                    <option key={day} value={day}>
                      {WEEKDAY_NAMES[day]}
                    </option>
                  ))}
                </select>
                <FieldError field={`${name}[${index}].weekday`} errors={errors} />
              </td>
            )}
            {input(index, 'from', 'From')}
            {input(index, 'until', 'Until')}
            {input(index, 'staffId', 'Staff member')}
            <td>
              <button type="button" className="link-button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                Remove
                <span className="visually-hidden">
                  {' '}
                  {caption.toLowerCase()} row {index + 1}
                </span>
              </button>
            </td>
          </SlotRow>
        ))}
      </tbody>
    </table>
  );
}

/** One slot's row, and its own error (e.g. an overlap with another slot) under it. */
function SlotRow({ colSpan, rowField, errors, children }: { colSpan: number; rowField: string; errors: ReadonlyMap<string, string>; children: ReactNode }) {
  return (
    <>
      <tr>{children}</tr>
      {errors.has(rowField) && (
        <tr>
          <td colSpan={colSpan}>
            <FieldError field={rowField} errors={errors} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The slots as the API takes them: the weekly ones with their weekday, a date's without. */
const slotOf = ({ from, until, staffId }: DraftSlot) => ({ from: from.trim(), until: until.trim(), staffId: staffId.trim() });
export const dateSlotsBody = (rows: readonly DraftSlot[]) => rows.map(slotOf);
export const weeklySlotsBody = (rows: readonly DraftSlot[]) => rows.map((row) => ({ weekday: row.weekday, ...slotOf(row) }));
