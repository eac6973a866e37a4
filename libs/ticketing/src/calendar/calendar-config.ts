import type { Weekday } from './weekday';

/** Opening and closing time of one weekday, as local wall-clock 'HH:MM' ('24:00' closes at midnight). */
export interface OpeningHours {
  open: string;
  close: string;
}

/** When a city's departments are open: the clock that SLAs run on. */
export interface CalendarConfig {
  /** IANA time zone, e.g. 'America/New_York'. */
  timeZone: string;
  /** Local opening hours per weekday; a missing weekday is closed. */
  hours: Partial<Record<Weekday, OpeningHours>>;
  /** 'YYYY-MM-DD' local dates that are closed all day. */
  holidays: string[];
}
