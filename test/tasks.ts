// Where the browser's tasks end and what runs in them, for tests of what runs in which task. No
// side effects: the bundle tests, which must not define the elements in the test page, use it too.

/**
 * Calls `fn` once the microtasks queued so far, and those they queue in turn, have run: at the end
 * of the current task, before the browser's next one (a chain of microtasks longer than any chain
 * an update makes). A same-origin frame's microtasks run in the same queue.
 */
export function atEndOfTask(fn: () => void, hops = 200): void {
  queueMicrotask(() => (hops ? atEndOfTask(fn, hops - 1) : fn()));
}

/**
 * Counts the turns of a callback that `schedule` (a page's timer, its frames) runs and that runs
 * itself again each time, until `stop()`: how often the page got its turn meanwhile.
 */
export function turns(schedule: (callback: () => void) => unknown): { readonly count: number; stop(): void } {
  let count = 0;
  let on = true;
  const turn = () => {
    count++;
    if (on) schedule(turn);
  };
  schedule(turn);
  return {
    get count() {
      return count;
    },
    stop: () => {
      on = false;
    },
  };
}

/**
 * Runs `fn` with the page's number formatting replaced (`toLocaleString` answers "Intl used",
 * `Intl.NumberFormat` throws), then puts it back: for code that must not load the number locale
 * data, whose first use in a page takes 20–50 ms in one task.
 */
export async function withoutIntlNumbers<T>(fn: () => Promise<T>): Promise<T> {
  const toLocaleString = Object.getOwnPropertyDescriptor(Number.prototype, 'toLocaleString')!;
  const numberFormat = Object.getOwnPropertyDescriptor(Intl, 'NumberFormat')!;
  try {
    Object.defineProperty(Number.prototype, 'toLocaleString', { ...toLocaleString, value: () => 'Intl used' });
    Object.defineProperty(Intl, 'NumberFormat', {
      ...numberFormat,
      value: () => {
        throw new Error('Intl used');
      },
    });
    return await fn();
  } finally {
    Object.defineProperty(Number.prototype, 'toLocaleString', toLocaleString);
    Object.defineProperty(Intl, 'NumberFormat', numberFormat);
  }
}
