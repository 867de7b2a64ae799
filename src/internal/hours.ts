/**
 * Opening hours: whether the clinic is open now and when it next opens or closes, computed in the
 * clinic's IANA time zone and said in the reader's language, on the reader's clock. Pure functions:
 * the current time is a parameter.
 */

/** One line of `publisher.hours`: these days, from `opens` to `closes` (HH:MM, clinic time). */
export interface OpeningHours {
  days: readonly string[];
  opens: string;
  closes: string;
}

/** The two-letter day codes of the document, Monday first (schema.org's order and names follow). */
export const DAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const WEEK = 7 * 1440;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since midnight of an `HH:MM` value (`24:00` is 1440), or `undefined`. */
export function minutesOf(value: string): number | undefined {
  const match = TIME.exec(value);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : undefined;
}

/** Day of the week (0 = Monday) and minutes since midnight of `instant`, in `timeZone`. */
function wallClock(instant: number, timeZone: string): { day: number; minutes: number } {
  let day = 0;
  let minutes = 0;
  const clock = format('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  for (const part of clock.formatToParts(instant)) {
    if (part.type === 'weekday') day = DAY_CODES.indexOf(part.value.slice(0, 2) as (typeof DAY_CODES)[number]);
    else if (part.type === 'hour') minutes += Number(part.value) * 60;
    else if (part.type === 'minute') minutes += Number(part.value);
  }
  return { day, minutes };
}

/** Open intervals in minutes since Monday 00:00, merged, over three weeks around this one. */
function intervals(hours: readonly OpeningHours[]): Array<[number, number]> {
  const list: Array<[number, number]> = [];
  for (const line of hours) {
    const opens = minutesOf(line.opens);
    let closes = minutesOf(line.closes);
    if (opens === undefined || closes === undefined || opens === 1440) continue;
    // Closing at or before opening time means the next day (a night shift; 00:00–00:00 is all day).
    if (closes <= opens) closes += 1440;
    for (const code of line.days) {
      const day = DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]);
      if (day < 0) continue;
      for (const week of [-WEEK, 0, WEEK]) list.push([week + day * 1440 + opens, week + day * 1440 + closes]);
    }
  }
  list.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of list) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether the clinic is open at `now`, and the instant of the next change (none when always open or never). */
export interface OpenState {
  open: boolean;
  /** When it next closes (if open) or opens (if closed), as epoch milliseconds. */
  next?: number;
}

/**
 * Open or closed at `now` (epoch ms) by `hours` in the clinic's `timeZone`; `undefined` when the
 * hours say nothing (no valid line). Throws a RangeError for an unknown time zone.
 */
export function openState(hours: readonly OpeningHours[], timeZone: string, now: number): OpenState | undefined {
  const merged = intervals(hours);
  if (merged.length === 0) return undefined;
  const clock = wallClock(now, timeZone);
  const t = clock.day * 1440 + clock.minutes;
  const current = merged.find(([start, end]) => start <= t && t < end);
  if (current && current[1] - current[0] >= WEEK) return { open: true };
  const target = current ? current[1] : merged.find(([start]) => start > t)![0];
  // Wall-clock minutes ahead, then corrected once if a daylight-saving change lies in between.
  const startOfMinute = now - (now % 60000);
  let next = startOfMinute + (target - t) * 60000;
  const landed = wallClock(next, timeZone);
  const drift = ((((landed.day * 1440 + landed.minutes - target) % WEEK) + WEEK + WEEK / 2) % WEEK) - WEEK / 2;
  next -= drift * 60000;
  return { open: current !== undefined, next };
}

interface Phrases {
  open: string;
  closed: string;
  closes: string;
  opens: string;
  today: string;
  tomorrow: string;
  weekday: string;
}

const PHRASES: Record<string, Phrases> = {
  en: {
    open: 'Open now',
    closed: 'Closed',
    closes: 'Closes {when}',
    opens: 'Opens {when}',
    today: 'at {time}',
    tomorrow: 'tomorrow at {time}',
    weekday: '{day} at {time}',
  },
  es: {
    open: 'Abierto ahora',
    closed: 'Cerrado',
    closes: 'Cierra {when}',
    opens: 'Abre {when}',
    today: 'a las {time}',
    tomorrow: 'mañana a las {time}',
    weekday: 'el {day} a las {time}',
  },
};

function phrasesFor(lang: string): Phrases {
  const key = lang.toLowerCase().split('-')[0]!;
  return Object.prototype.hasOwnProperty.call(PHRASES, key) ? PHRASES[key]! : PHRASES['en']!;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One cached Intl.DateTimeFormat per language and options; a language Intl cannot read falls back
 * to English. An unknown time zone throws a RangeError.
 */
function format(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let result = formats.get(key);
  if (!result) {
    try {
      result = new Intl.DateTimeFormat(lang, options);
    } catch {
      if (options.timeZone) new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
      result = new Intl.DateTimeFormat('en', options);
    }
    formats.set(key, result);
  }
  return result;
}

let reader: string | undefined;

/** The reader's own time zone, read once per page rather than with a new Intl object per render. */
export function readerTimeZone(): string {
  return (reader ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** The calendar day of `instant` in `timeZone`, as a day count (for "today" and "tomorrow"). */
function dayNumber(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of format('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant)) {
    fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields['year']!, fields['month']! - 1, fields['day']!) / 86400000;
}

/** What the hours line says, and whether the clinic is open. */
export interface HoursText {
  open: boolean;
  status: string;
  /** "Closes at 5:00 PM", "Opens tomorrow at 9:00 AM", or '' when there is no change to announce. */
  change: string;
  /** When the line will say something else (epoch ms), if ever. */
  next?: number;
}

/**
 * The hours line: "Open now" / "Closed" and the next change, at the reader's own clock time
 * (`readerTimeZone`, their 12- or 24-hour convention in `lang`); when the reader's time zone is
 * not the clinic's, the time carries its zone ("9:00 AM PST"), so nobody reads it in the wrong one.
 */
export function hoursText(
  hours: readonly OpeningHours[],
  timeZone: string,
  now: number,
  lang: string,
  readerTimeZone: string,
): HoursText | undefined {
  const state = openState(hours, timeZone, now);
  if (!state) return undefined;
  const phrases = phrasesFor(lang);
  const status = state.open ? phrases.open : phrases.closed;
  if (state.next === undefined) return { open: state.open, status, change: '' };
  const sameZone =
    format('en', { timeZone }).resolvedOptions().timeZone === format('en', { timeZone: readerTimeZone }).resolvedOptions().timeZone;
  const time = format(lang, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: readerTimeZone,
    timeZoneName: sameZone ? undefined : 'short',
  }).format(state.next);
  // A close at midnight belongs to the evening before it.
  const end = state.open ? state.next - 1 : state.next;
  const ahead = dayNumber(end, readerTimeZone) - dayNumber(now, readerTimeZone);
  const when = (ahead <= 0 ? phrases.today : ahead === 1 ? phrases.tomorrow : phrases.weekday)
    .replace('{day}', format(lang, { weekday: 'long', timeZone: readerTimeZone }).format(state.next))
    .replace('{time}', time);
  const change = (state.open ? phrases.closes : phrases.opens).replace('{when}', when);
  return { open: state.open, status, change, next: state.next };
}
