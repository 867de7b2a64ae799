import { waitUntil } from '@open-wc/testing';
import { defineAll } from '../src/define.js';
import type { ClinicElement } from '../src/internal/clinic-element.js';
import { resetClient } from '../src/data/client.js';

defineAll();

type AnyClinicElement = ClinicElement<unknown>;

/** Every clinic-* event that reaches the document during a test, in order. */
export const events: CustomEvent[] = [];
const record = (event: Event) => events.push(event as CustomEvent);
for (const type of ['clinic-load', 'clinic-error', 'clinic-click', 'clinic-impression']) document.addEventListener(type, record);

beforeEach(() => {
  events.length = 0;
});

const added: CSSStyleSheet[] = [];

afterEach(() => {
  resetClient();
  document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !added.includes(sheet));
  added.length = 0;
});

/**
 * Adds page CSS for one test, as a partner's stylesheet would (through the CSSOM, so it also
 * applies under the strict Content-Security-Policy); removed after the test.
 */
export function pageStyles(cssText: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  added.push(sheet);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** Sets inline style properties (custom properties included) through the CSSOM. */
export function setStyles<T extends Element>(el: T, properties: Record<string, string>): T {
  for (const [name, value] of Object.entries(properties)) (el as unknown as HTMLElement).style.setProperty(name, value);
  return el;
}

/** The recorded events of one type, optionally only those from `target`. */
export function eventsOf(type: string, target?: Element): CustomEvent[] {
  return events.filter((event) => event.type === type && (!target || event.target === target));
}

/** Waits until the element has settled into `ready` or `error`, and its last render is done. */
export async function settled<T extends Element>(el: T, timeout = 5000): Promise<T> {
  const element = el as unknown as AnyClinicElement;
  await waitUntil(() => element.status === 'ready' || element.status === 'error', 'element did not settle', {
    timeout,
  });
  await element.updateComplete;
  return el;
}

/**
 * Every status `el` reflects while `run` runs (the first, `null` before it has one, included), in
 * order, and then the one it has: `[null, 'ready']` for an element that never showed its skeleton.
 */
export async function statusesWhile(el: Element, run: () => Promise<unknown>): Promise<(string | null)[]> {
  const statuses: (string | null)[] = [];
  const observer = new MutationObserver((records) => statuses.push(...records.map((record) => record.oldValue)));
  observer.observe(el, { attributes: true, attributeFilter: ['status'], attributeOldValue: true });
  try {
    await run();
    statuses.push(...observer.takeRecords().map((record) => record.oldValue), el.getAttribute('status'));
  } finally {
    observer.disconnect();
  }
  return statuses;
}

/** The element's shadow root, asserting that it has one. */
export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** The first node in the element's shadow root that carries `part`. */
export function part(el: Element, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** All nodes in the element's shadow root that carry `part`. */
export function parts(el: Element, name: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

/** The visible text of a part, white space folded. */
export function partText(el: Element, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
