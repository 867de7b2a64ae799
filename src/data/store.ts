/**
 * The browser store: the last good copy of each content document, kept in `localStorage` so that
 * it survives a reload in the same browser. It is bounded in age, in size and in the number of
 * documents, and it is only ever a help: every storage failure (storage disabled, private mode, a
 * full quota, a value written by something else) is swallowed, and the caller carries on with
 * what it holds in memory.
 *
 * Each document is one key, `clinic-widgets:v1:<absolute URL>`, whose value is the time it was
 * saved (milliseconds since 1970) and the document's JSON, separated by a line break.
 */

/** What the store may hold. */
export interface StoreLimits {
  /** Oldest copy that is handed out, in milliseconds. */
  maxAge: number;
  /** Most characters (UTF-16 code units, as browsers count their quota) all copies may take together. */
  maxChars: number;
  /** Most documents kept. */
  maxEntries: number;
  /**
   * Most values one document may hold to be stored, counted as its `{`, `[` and `,` characters
   * (wherever they stand, so text with commas counts too). A copy is read back with one
   * `JSON.parse` while the element first renders; this bounds that work by what it costs, which
   * characters alone do not: a short document of many tiny values costs more to parse than a long
   * article. A document with more is kept in memory only.
   */
  maxValues: number;
}

/** A document as stored: its JSON text and when it was saved. */
export interface StoredCopy {
  text: string;
  savedAt: number;
}

/** Seven days. */
export const DEFAULT_MAX_AGE = 7 * 24 * 60 * 60 * 1000;

export const DEFAULT_STORE_LIMITS: Readonly<StoreLimits> = Object.freeze({
  maxAge: DEFAULT_MAX_AGE,
  maxChars: 500_000,
  maxEntries: 20,
  maxValues: 20_000,
});

/** Prefix of every key this module writes; the version changes if the value format does. */
export const STORE_PREFIX = 'clinic-widgets:v1:';

/** A copy saved more than this far in the future (a clock that was wrong) is not trusted. */
const CLOCK_SKEW = 24 * 60 * 60 * 1000;

/** The page's localStorage, or undefined where reading it throws (disabled storage, sandboxed frames). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function decode(value: string): StoredCopy | undefined {
  const newline = value.indexOf('\n');
  if (newline < 1) return undefined;
  const savedAt = Number(value.slice(0, newline));
  if (!Number.isFinite(savedAt)) return undefined;
  return { savedAt, text: value.slice(newline + 1) };
}

function fresh(savedAt: number, maxAge: number, now: number): boolean {
  const age = now - savedAt;
  return age <= maxAge && age >= -CLOCK_SKEW;
}

/**
 * Whether `text` holds more than `max` of the characters that start or separate JSON values;
 * reads no further than the `max + 1`th.
 */
export function valuesOver(text: string, max: number): boolean {
  return text.split(/[{[,]/, max + 2).length > max + 1;
}

/**
 * The stored copy of `url`, if there is one younger than `maxAge` and with at most `maxValues`
 * values; an expired, oversized or unreadable one is removed.
 */
export function readCopy(
  url: string,
  maxAge: number,
  now = Date.now(),
  maxValues = DEFAULT_STORE_LIMITS.maxValues,
): StoredCopy | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const key = STORE_PREFIX + url;
    const value = store.getItem(key);
    if (value === null) return undefined;
    const copy = decode(value);
    if (copy && fresh(copy.savedAt, maxAge, now) && !valuesOver(copy.text, maxValues)) return copy;
    store.removeItem(key);
  } catch {
    // Storage failed: nothing stored, as far as the caller is concerned.
  }
  return undefined;
}

interface Entry {
  key: string;
  savedAt: number;
  size: number;
}

/** Every entry of ours, oldest first. */
function entries(store: Storage): Entry[] {
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(STORE_PREFIX)) keys.push(key);
  }
  const found: Entry[] = [];
  for (const key of keys) {
    const value = store.getItem(key);
    if (value === null) continue;
    const newline = value.indexOf('\n');
    const savedAt = newline > 0 ? Number(value.slice(0, newline)) : Number.NaN;
    found.push({ key, savedAt: Number.isFinite(savedAt) ? savedAt : -Infinity, size: key.length + value.length });
  }
  return found.sort((a, b) => a.savedAt - b.savedAt);
}

/**
 * Saves `text` as the copy of `url`, then drops the oldest copies (and any that expired) until
 * the store is within its limits. A document larger than the whole budget, or with more than
 * `maxValues` values, is not stored, and an older copy of it is removed. Returns whether the copy
 * was saved.
 */
export function writeCopy(url: string, text: string, limits: StoreLimits, now = Date.now()): boolean {
  const store = storage();
  if (!store) return false;
  const key = STORE_PREFIX + url;
  const value = `${now}\n${text}`;
  const size = key.length + value.length;
  try {
    if (size > limits.maxChars || limits.maxEntries < 1 || valuesOver(text, limits.maxValues)) {
      store.removeItem(key);
      return false;
    }
    const others = entries(store).filter((entry) => entry.key !== key);
    let total = size + others.reduce((sum, entry) => sum + entry.size, 0);
    let count = others.length + 1;
    for (const entry of others) {
      if (total <= limits.maxChars && count <= limits.maxEntries && fresh(entry.savedAt, limits.maxAge, now)) continue;
      store.removeItem(entry.key);
      total -= entry.size;
      count--;
    }
    try {
      store.setItem(key, value);
    } catch {
      // The page's quota is full (of other things): make room among our own copies once.
      for (const entry of others) store.removeItem(entry.key);
      store.setItem(key, value);
    }
    return true;
  } catch {
    try {
      store.removeItem(key);
    } catch {
      // Storage is unusable; memory carries on.
    }
    return false;
  }
}

/** Removes the stored copy of `url`. */
export function removeCopy(url: string): void {
  try {
    storage()?.removeItem(STORE_PREFIX + url);
  } catch {
    // Nothing to do: storage is unusable.
  }
}

/** Removes every copy this module stored. */
export function clearCopies(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const { key } of entries(store)) store.removeItem(key);
  } catch {
    // Nothing to do: storage is unusable.
  }
}
