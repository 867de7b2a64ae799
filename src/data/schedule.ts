/**
 * Gives the main thread back to the page for a moment: a task of its own, not a microtask, so
 * input, rendering and the page's own work run in between. Long jobs (rendering a body, inserting
 * it) do a bounded amount of work between two of these, counted in characters or nodes, never in
 * milliseconds: where the job is cut does not depend on how fast the machine is.
 *
 * The task is an ordinary one (a MessageChannel message), queued behind what the page has queued
 * already: the widgets are guests on the page and wait their turn. `scheduler.yield()` would come
 * back ahead of the page's own tasks, and in Chromium ahead of its frames too: while a long body
 * rendered that way, the page's timers waited 110–180 ms at a time (a 100 KB article; for a
 * shorter body, until it was done) and it drew a frame every 95–100 ms.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits for the page's next frame, so that what was put in before it is laid out and painted in
 * that frame, not all at once later: a long body goes in one batch per frame. A page that is not
 * shown draws no frames, so there (or when it stops being shown while waiting) it is a plain
 * yield; the layout then waits for the page to be shown, as the browser's own does.
 */
export function nextFrame(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return yieldToPage();
  return new Promise((resolve) => {
    const done = () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('visibilitychange', done);
      resolve();
    };
    const frame = requestAnimationFrame(done);
    document.addEventListener('visibilitychange', done);
  });
}
