import { TableRegion } from '../../components/table-region';
import type { LineBusiestTimes } from '../../lib/api-types';
import { contrastRatio } from '../../lib/colours';
import { useSession } from '../../session';
import { lineName, WEEKDAYS } from './contact-words';

/** The heat map's shades, none to most contacts; each cell also shows its number, so colour is never the only cue. */
export const HEAT_SHADES = ['#ffffff', '#deebf7', '#9ecae1', '#4a90c8', '#08519c'] as const;
const INK = '#1b1f24';
const PAPER = '#ffffff';

/** The shade of a count (0: none; otherwise one of four steps up to the line's busiest hour) and the text colour that reads best on it. */
export function shadeOf(count: number, max: number): { background: string; color: string } {
  const level = count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((4 * count) / max));
  const background = HEAT_SHADES[level];
  return { background, color: contrastRatio(background, INK) >= contrastRatio(background, PAPER) ? INK : PAPER };
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** One line's contacts by local weekday and hour, as a table of numbers shaded by how busy, with its busiest hours and dates in words. */
function LineHeatMap({ line }: { line: LineBusiestTimes }) {
  const session = useSession();
  const name = lineName(session, line.line);
  const max = Math.max(0, ...line.byWeekdayAndHour.flat());
  return (
    <div className="heat-map" data-line={line.line}>
      <h3>
        {name} line: {line.contacts} contact{line.contacts === 1 ? '' : 's'}
      </h3>
      <TableRegion label={`Contacts by weekday and hour, ${name} line`}>
        <table data-testid={`heat-map-${line.line}`} style={{ fontSize: '0.8rem' }}>
          <caption>Contacts by weekday and hour of the day (city time), {name} line</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((hour) => (
                <th key={hour} scope="col" className="numeric" title={hourLabel(hour)}>
                  {hour}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {line.byWeekdayAndHour.map((counts, day) => (
              <tr key={WEEKDAYS[day]}>
                <th scope="row">{WEEKDAYS[day]}</th>
                {counts.map((count, hour) => (
                  <td key={hour} className="numeric" data-weekday={day} data-hour={hour} style={{ ...shadeOf(count, max), padding: '0.2rem 0.3rem' }}>
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <p data-testid={`busiest-${line.line}`}>
        Busiest hours:{' '}
        {line.busiestHours
          .map((slot) => `${WEEKDAYS[WEEKDAYS.findIndex((d) => d.toLowerCase() === slot.weekday)]} ${hourLabel(slot.hour)} (${slot.contacts})`)
          .join(', ') || 'none'}
        . Busiest dates: {line.busiestDates.map((d) => `${d.date} (${d.contacts})`).join(', ') || 'none'}.
      </p>
    </div>
  );
}

/** The heat map of every line the caller may see (GET /metrics/contacts/busiest), with a key to its shades. */
export function HeatMapSection({ lines }: { lines: readonly LineBusiestTimes[] }) {
  return (
    <section aria-labelledby="heat-map-heading">
      <h2 id="heat-map-heading">When residents call: contacts by hour and weekday, per line</h2>
      <p className="hint" id="heat-map-key">
        Each cell is the number of contacts started in that hour; the darker the cell, the busier the hour for that line (shaded in four steps up to the line’s
        busiest hour).
      </p>
      {lines.length === 0 && <p>No contacts in the range.</p>}
      {lines.map((line) => (
        <LineHeatMap key={line.line} line={line} />
      ))}
    </section>
  );
}
