import { expect } from '@open-wc/testing';
import { parseJsonInSlices } from './slices.js';

/** A small deterministic random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', 'a', 'x,]}', '"quoted"', 'back\\slash', 'tab\there', 'line\nbreak', 'é日本\u2028', '\ud800', '__proto__', 'constructor', 'toString', '\\"', '\\\\'];
const KEYS = ['a', 'b', 'a', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '1', '0', 'é', 'k\\"'];
const NUMBERS = [0, -0, 1, -1, 1.5, 1e21, -2.5e-7, 123456789012345680000, 5e-324];

/** A random JSON value, at most `depth` levels deep. */
function value(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const kind = depth > 0 ? Math.floor(next() * 7) : Math.floor(next() * 4);
  if (kind === 0) return pick(STRINGS);
  if (kind === 1) return pick(NUMBERS);
  if (kind === 2) return pick([true, false, null]);
  if (kind === 3) return pick(STRINGS) + pick(STRINGS);
  if (kind === 4 || kind === 5) return Array.from({ length: Math.floor(next() * 5) }, () => value(next, depth - 1));
  const object: Record<string, unknown> = {};
  for (let n = Math.floor(next() * 5); n > 0; n--) Object.defineProperty(object, pick(KEYS), { value: value(next, depth - 1), enumerable: true, writable: true, configurable: true });
  return object;
}

/** `value` as JSON text with random JSON whitespace between tokens, numbers written in other ways too. */
function write(next: () => number, value: unknown): string {
  const ws = () => [' ', '', '\n', '\t', '\r\n  ', ''][Math.floor(next() * 6)]!;
  if (Array.isArray(value)) return `[${ws()}${value.map((item) => write(next, item)).join(`${ws()},${ws()}`)}${ws()}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}${ws()}:${ws()}${write(next, item)}`);
    return `{${ws()}${entries.join(`${ws()},${ws()}`)}${ws()}}`;
  }
  if (typeof value === 'number' && value === 1.5 && next() < 0.5) return '15E-1';
  if (Object.is(value, -0)) return '-0';
  return JSON.stringify(value);
}

/** Both parsers' outcome for `text`: the value as a comparable string (keys in order, -0 kept), or "throws". */
async function outcomes(text: string, slice: number): Promise<[string, string]> {
  const show = (parsed: unknown) =>
    JSON.stringify(parsed, (_key, item: unknown) => (Object.is(item, -0) ? '-0' : item === Infinity ? 'Infinity' : item));
  let native: string;
  try {
    native = show(JSON.parse(text));
  } catch (error) {
    expect(error).to.be.instanceOf(SyntaxError);
    native = 'throws';
  }
  let sliced: string;
  try {
    sliced = show(await parseJsonInSlices(text, slice, () => Promise.resolve()));
  } catch (error) {
    expect(error).to.be.instanceOf(SyntaxError);
    sliced = 'throws';
  }
  return [sliced, native];
}

describe('parseJsonInSlices', () => {
  it('gives what JSON.parse gives for 2,000 random documents, in slices of any size', async () => {
    const next = random(9);
    for (let n = 0; n < 2000; n++) {
      const text = write(next, value(next, 5));
      const [sliced, native] = await outcomes(text, 1 + Math.floor(next() * 40));
      expect(sliced, text).to.equal(native);
      expect(sliced).to.not.equal('throws');
    }
  });

  it('refuses what JSON.parse refuses, and nothing else, for 3,000 random documents with one character changed', async () => {
    const next = random(17);
    const noise = ['"', '\\', ',', ':', '[', ']', '{', '}', ' ', '0', '-', '.', 'e', 't', 'n', 'u', '\u0001', '\n', 'x', '+'];
    let refused = 0;
    for (let n = 0; n < 3000; n++) {
      const text = write(next, value(next, 4));
      const at = Math.floor(next() * (text.length + 1));
      const change = next();
      const changed =
        change < 0.4
          ? text.slice(0, at) + text.slice(at + 1)
          : text.slice(0, at) + noise[Math.floor(next() * noise.length)] + text.slice(change < 0.7 ? at : at + 1);
      const [sliced, native] = await outcomes(changed, 1 + Math.floor(next() * 20));
      expect(sliced, changed).to.equal(native);
      if (native === 'throws') refused++;
    }
    // Most changes break the text; some do not (a space, a digit): both kinds were tried.
    expect(refused).to.be.within(1000, 2900);
  });

  it('refuses what JSON.parse refuses, with a message that says where', async () => {
    for (const [text, message] of [
      ['', 'Unexpected end of JSON input'],
      ['[1, 2', 'Unexpected end of JSON input'],
      ['{"a": 1,}', 'Unexpected "}" at position 8'],
      ['[1] x', 'Unexpected "x" at position 4'],
      ['"tab\there"', 'Unexpected "\\t" at position 4'],
      ['"\\x"', 'Unexpected "\\"" at position 0'],
      ['01', 'Unexpected "1" at position 1'],
      ['\ufeff{}', 'Unexpected "\ufeff" at position 0'],
    ] as const) {
      const error = await parseJsonInSlices(text, 10).then(
        () => undefined,
        (reason: unknown) => reason as Error,
      );
      expect(error, text).to.be.instanceOf(SyntaxError);
      expect(error!.message, text).to.equal(message);
    }
  });

  it('makes own properties, as JSON.parse does, on a page that changed Object.prototype', async () => {
    Object.defineProperty(Object.prototype, 'polluted', { value: 'page', writable: false, configurable: true });
    try {
      const parsed = (await parseJsonInSlices('{"polluted": 1, "__proto__": {"x": 2}, "a": 3}', 5)) as Record<string, unknown>;
      expect(Object.getPrototypeOf(parsed)).to.equal(Object.prototype);
      expect(Object.keys(parsed)).to.deep.equal(['polluted', '__proto__', 'a']);
      expect(Object.getOwnPropertyDescriptor(parsed, 'polluted')!.value).to.equal(1);
      expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')!.value).to.deep.equal({ x: 2 });
    } finally {
      delete (Object.prototype as Record<string, unknown>)['polluted'];
    }
  });

  it('gives the page the main thread each time a slice has been read', async () => {
    const text = `[${Array(100_000).fill('{}').join(',')}]`;
    let pauses = 0;
    const parsed = (await parseJsonInSlices(text, 10_000, async () => {
      pauses++;
    })) as unknown[];
    expect(parsed).to.have.length(100_000);
    // 300,000 characters in slices of 10,000: a pause after each slice but the last.
    expect(pauses).to.be.within(29, 30);
    // One long string is one value: read in one go however long (JSON.parse reads a string fast),
    // then a pause.
    pauses = 0;
    expect(await parseJsonInSlices(JSON.stringify('x'.repeat(100_000)), 10_000, async () => void pauses++)).to.have.length(100_000);
    expect(pauses).to.equal(1);
  });

  it('keeps the first `entries` entries of every array, and still refuses what follows when it is not JSON', async () => {
    const resolve = () => Promise.resolve();
    const text = '[[1, 2, 3], {"a": [4, 5, 6], "b": {"c": [[7], [8], [9]]}}, "past", {"x": 1}]';
    expect(await parseJsonInSlices(text, 7, resolve, 2)).to.deep.equal([[1, 2], { a: [4, 5], b: { c: [[7], [8]] } }]);
    expect(await parseJsonInSlices(text, 7, resolve)).to.deep.equal(JSON.parse(text));
    for (const bad of ['[1, 2, 3, x]', '[1, 2, [3, }]', '[1, 2, 3']) {
      const error = await parseJsonInSlices(bad, 7, resolve, 2).then(() => undefined, (reason: unknown) => reason);
      expect(error, bad).to.be.instanceOf(SyntaxError);
    }
  });

  it('reads deep nesting without running out of stack', async () => {
    const depth = 200_000;
    const parsed = await parseJsonInSlices(`${'['.repeat(depth)}${']'.repeat(depth)}`, 50_000, () => Promise.resolve());
    let level = 0;
    for (let node = parsed as unknown[]; node.length; node = node[0] as unknown[]) level++;
    expect(level).to.equal(depth - 1);
  });
});
