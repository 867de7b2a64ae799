// The main thread's tasks in a Chrome trace (Lighthouse's, or one recorded with puppeteer), and
// what each one spent its time on: running a script, microtasks (where Lit renders), parsing HTML
// (with the custom element callbacks the parser runs), style, layout, paint, garbage collection.

/** Names Chrome gives a task of the main thread's scheduler (as Lighthouse's trace processor does). */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork', 'TaskQueueManager::ProcessTaskFromWorkQueue']);

const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'PaintImage']);

/** A file's name from its URL (its last path segment), or the URL when it has none. */
export function fileOf(url) {
  if (!url) return '';
  try {
    return new URL(url).pathname.split('/').pop() || url;
  } catch {
    return url;
  }
}

/** What an event of a task is, as the breakdown names it; undefined for events it looks through. */
function label(event) {
  const data = event.args?.data ?? {};
  const { name } = event;
  if (name === 'EvaluateScript' || name === 'v8.evaluateModule') return `run ${fileOf(data.url ?? event.args?.data?.url)}`.trim();
  if (name === 'v8.compile' || name === 'v8.compileModule' || name === 'v8.produceCache') return 'compile';
  if (name === 'FunctionCall') {
    // Custom element callbacks keep their names in the minified bundle; other names say nothing.
    const fn = /Callback$|^constructor$/.test(data.functionName ?? '') ? ` ${data.functionName}` : '';
    return `call ${fileOf(data.url)}${fn}`;
  }
  if (name === 'RunMicrotasks') return 'microtasks';
  if (name === 'ParseHTML') return `parse ${fileOf(event.args?.beginData?.url)}`;
  if (name === 'ParseAuthorStyleSheet') return 'parse CSS';
  if (name === 'UpdateLayoutTree' || name === 'RecalculateStyles') return 'style';
  if (name === 'Layout') return 'layout';
  if (PAINT.has(name)) return 'paint';
  if (name === 'MinorGC' || name === 'MajorGC') return 'GC';
  if (name === 'EventDispatch') return `event ${data.type ?? ''}`.trim();
  if (name === 'TimerFire') return 'timer';
  if (name === 'FireAnimationFrame') return 'animation frame';
  if (name === 'FireIdleCallback') return 'idle callback';
  if (name === 'Decode Image' || name === 'ImageDecodeTask') return 'image decode';
  return undefined;
}

/** Complete events (B/E pairs joined), per thread, sorted by start and then longest first. */
function completeEvents(events, pid, tid) {
  const out = [];
  const open = [];
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid) continue;
    if (event.ph === 'X') out.push(event);
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) out.push({ ...begin, ph: 'X', dur: event.ts - begin.ts, args: { ...begin.args, endData: event.args?.endData } });
    }
  }
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

/**
 * The top-level tasks of the main thread that parsed `pageUrl`, in order, each with its start
 * (ms since the page's first HTML parse began), its duration (ms), whether it laid out the page,
 * and its breakdown: [label, ms] pairs, largest first.
 */
export function mainThreadTasks(events, pageUrl) {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl);
  if (!parse) return [];
  const thread = completeEvents(events, parse.pid, parse.tid);
  const origin = parse.ts;
  const tasks = [];
  let end = -Infinity;
  for (const event of thread) {
    if (!TASKS.has(event.name) || event.ts < end) continue;
    end = event.ts + event.dur;
    tasks.push(event);
  }
  return tasks.map((task) => {
    const inside = thread.filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur);
    return {
      start: (task.ts - origin) / 1000,
      duration: task.dur / 1000,
      layout: inside.some((e) => e.name === 'Layout'),
      breakdown: breakdown(task, inside),
    };
  });
}

/** Self time per label within `task`: each labelled event's time, less that of the labelled events inside it. */
function breakdown(task, inside) {
  const totals = new Map();
  const add = (frame) => totals.set(frame.label, (totals.get(frame.label) ?? 0) + frame.self);
  const stack = [{ label: 'other', end: task.ts + task.dur, self: task.dur }];
  for (const event of inside) {
    const name = label(event);
    if (!name) continue;
    while (stack.length > 1 && event.ts >= stack.at(-1).end) add(stack.pop());
    const parent = stack.at(-1);
    const end = Math.min(event.ts + event.dur, parent.end);
    parent.self -= end - event.ts;
    stack.push({ label: name, end, self: end - event.ts });
  }
  while (stack.length) add(stack.pop());
  return [...totals]
    .map(([name, us]) => [name, us / 1000])
    .filter(([, ms]) => ms >= 0.5)
    .sort((a, b) => b[1] - a[1]);
}
