import { resetClient, setFetch } from '../src/data/client.js';

/** One answer of the fake endpoint: a Response to return, an Error to throw, or 'hang'. */
export type FakeAnswer = Response | Error | 'hang' | (() => Response | Error | 'hang');

/**
 * Routes the client's requests through a URL → answer table (keys may be relative to the page).
 * A list of answers is served in order, the last one repeating. Unknown URLs go to the network
 * (the test runner's own server). Returns the URLs requested, in order.
 */
export function fakeFetch(table: Record<string, FakeAnswer | FakeAnswer[]>): string[] {
  const requests: string[] = [];
  const routes = new Map(Object.entries(table).map(([url, answers]) => [new URL(url, location.href).href, answers]));
  const served = new Map<string, number>();
  setFetch((url, init) => {
    requests.push(url);
    const answers = routes.get(url);
    if (answers === undefined) return fetch(url, init);
    const list = Array.isArray(answers) ? answers : [answers];
    const index = served.get(url) ?? 0;
    served.set(url, index + 1);
    let answer = list[Math.min(index, list.length - 1)]!;
    if (typeof answer === 'function') answer = answer();
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      });
    }
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer.clone());
  });
  return requests;
}

/** Counts the requests that reach the network while leaving them real. */
export function countRequests(): string[] {
  return fakeFetch({});
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A plain-text answer. */
export function text(body: string, status = 200): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain' } });
}

export { resetClient };
