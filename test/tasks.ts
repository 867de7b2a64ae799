// Where the browser's tasks end, for tests of what runs in which task. No side effects: the bundle
// tests, which must not define the elements in the test page, use it too.

/**
 * Calls `fn` once the microtasks queued so far, and those they queue in turn, have run: at the end
 * of the current task, before the browser's next one (a chain of microtasks longer than any chain
 * an update makes). A same-origin frame's microtasks run in the same queue.
 */
export function atEndOfTask(fn: () => void, hops = 200): void {
  queueMicrotask(() => (hops ? atEndOfTask(fn, hops - 1) : fn()));
}
