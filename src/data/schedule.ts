/**
 * Gives the main thread back to the page for a moment: a task of its own, not a microtask, so
 * input, rendering and the page's own work run in between. Long jobs (rendering a body, inserting
 * it) do a bounded amount of work between two of these, counted in characters or nodes, never in
 * milliseconds: where the job is cut does not depend on how fast the machine is.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
