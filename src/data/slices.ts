import { yieldToPage } from './schedule.js';

/**
 * JSON.parse in slices, for long answers. What JSON.parse costs depends on the shape of the text,
 * not on its length: a megabyte of prose in a string takes a few milliseconds, a megabyte of tiny
 * objects or keys a few hundred, in one task the page cannot interrupt. This parser reads the
 * text in slices of a given number of characters (SLICE_CHARS in parse.ts) and gives the main
 * thread back to the page between two of them, so no single task holds more than a slice of work
 * whatever the text is.
 *
 * It gives what JSON.parse gives (the same values, keys in the same order, `__proto__` and keys a
 * page added to `Object.prototype` as own properties, the last of two equal keys), and refuses
 * what JSON.parse refuses, with a message of its own. Where a slice ends depends on the text
 * alone, never on the clock.
 *
 * Loaded on demand (`clinic-widgets.slices.js` beside the classic script, a chunk for the ES
 * module), only for an answer longer than a slice.
 */

type Json = Record<string, unknown>;

/** An array or object that is open: its value so far, and for an object the key of the next value. */
interface Open {
  value: unknown[] | Json;
  key?: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const CONTROL = /[\u0000-\u001f]/;

/**
 * Like JSON.parse (without a reviver), giving the page the main thread (`pause`) each time
 * `slice` more characters have been read. Every array keeps its first `entries` entries: the
 * ones after them are read and checked, and let go at once, so that a long list costs the page
 * no memory, and no time in the garbage collector, beyond the entries that are kept.
 */
export async function parseJsonInSlices(
  text: string,
  slice: number,
  pause = yieldToPage,
  entries = Infinity,
): Promise<unknown> {
  const n = text.length;
  let i = 0;
  let next = slice;
  const stack: Open[] = [];

  const fail = (at = i): never => {
    throw new SyntaxError(at >= n ? 'Unexpected end of JSON input' : `Unexpected ${JSON.stringify(text[at])} at position ${at}`);
  };
  const space = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  const string = (): string => {
    if (text.charCodeAt(i) !== 34) fail();
    const start = ++i;
    let end = text.indexOf('"', start);
    // A quote after an odd number of backslashes is part of the string.
    for (let b = end; end !== -1; b = end = text.indexOf('"', end + 1)) {
      while (text.charCodeAt(b - 1) === 92) b--;
      if ((end - b) % 2 === 0) break;
    }
    if (end === -1) fail(n);
    i = end + 1;
    const raw = text.slice(start, end);
    if (raw.includes('\\')) {
      try {
        return JSON.parse(text.slice(start - 1, end + 1)) as string;
      } catch {
        return fail(start - 1);
      }
    }
    const control = raw.search(CONTROL);
    return control === -1 ? raw : fail(start + control);
  };
  const key = (): string => {
    space();
    const name = string();
    space();
    if (text.charCodeAt(i) !== 58) fail();
    i++;
    return name;
  };
  const literal = (): unknown => {
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(text)?.[0] ?? fail();
    i += number.length;
    return Number(number);
  };

  const rest = async () => {
    await pause();
    next = i + slice;
  };

  for (;;) {
    if (i >= next) await rest();
    space();
    let value: unknown;
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      i++;
      space();
      const empty = text.charCodeAt(i) === c + 2;
      const open: Open = c === 123 ? { value: {} } : { value: [] };
      if (empty) {
        i++;
        value = open.value;
      } else {
        if (c === 123) open.key = key();
        stack.push(open);
        continue;
      }
    } else {
      value = c === 34 ? string() : literal();
    }
    // Put the value in the array or object that is open, and close those that end here.
    for (;;) {
      if (i >= next) await rest();
      const top = stack.at(-1);
      if (!top) {
        space();
        return i < n ? fail() : value;
      }
      if (Array.isArray(top.value)) {
        if (top.value.length < entries) top.value.push(value);
      } else {
        const name = top.key!;
        // As JSON.parse does: an own property, even where the prototype has one of that name.
        if (name in top.value && !Object.hasOwn(top.value, name)) {
          Object.defineProperty(top.value, name, { value, writable: true, enumerable: true, configurable: true });
        } else {
          top.value[name] = value;
        }
      }
      space();
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        if (!Array.isArray(top.value)) top.key = key();
        break;
      }
      if (d !== (Array.isArray(top.value) ? 93 : 125)) fail();
      i++;
      stack.pop();
      value = top.value;
    }
  }
}
