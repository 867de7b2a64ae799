import { sendMouse } from '@web/test-runner-commands';
import { ENGINE } from '../engine.js';

/**
 * What the security tests look for, in the real browser:
 * - a detector: alert(), confirm(), prompt(), print() and open() are replaced by a function that
 *   records its call, so a payload that runs (they all call one of these) is seen;
 * - unsafe markup left in any shadow root: an event-handler attribute, a URL attribute whose
 *   scheme the URL rule does not allow (javascript:, data:text/html, vbscript: and the rest), a
 *   `style` attribute, an element that can run script, load a document, submit a form or style
 *   the page, and anything in a Markdown body positioned out of its flow;
 * - Content-Security-Policy violations reported by the page;
 * - interactions: every link is hovered and clicked with the real mouse and focused, so handlers
 *   that wait for a reader fire too. Clicks on links other than javascript: ones are kept from
 *   navigating the test page away.
 */

export const PHOTO = '/test/fixtures/photo.png';

/** Calls to the detector, in order: `alert(1)`, `confirm(XSS)` … */
export const calls: string[] = [];
/** CSP violations the page reported: `script-src-attr blocked inline` … */
export const violations: string[] = [];

const DETECTED = ['alert', 'confirm', 'prompt', 'print', 'open'] as const;
let installed = false;

/** Puts the detector in place (once per page) and starts recording violations. */
export function installDetector(): void {
  if (installed) return;
  installed = true;
  const win = window as unknown as Record<string, unknown>;
  for (const name of DETECTED) {
    win[name] = (...args: unknown[]) => {
      calls.push(`${name}(${args.map((arg) => String(arg)).join(',')})`);
      return null;
    };
  }
  document.addEventListener(
    'securitypolicyviolation',
    (event) => violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`),
    true,
  );
  // Links under test must not take the test page away; javascript: links are left to run, so
  // that one which slipped through would reach the detector.
  window.addEventListener('click', (event) => {
    const link = event.composedPath().find((node): node is HTMLAnchorElement | SVGAElement =>
      node instanceof HTMLAnchorElement || node instanceof SVGAElement,
    );
    if (!link) return;
    const href = link instanceof HTMLAnchorElement ? link.href : link.href.baseVal;
    if (schemeOf(href) !== 'javascript:') event.preventDefault();
  });
}

/** Forgets what the detector and the violation log saw so far. */
export function resetDetector(): void {
  calls.length = 0;
  violations.length = 0;
}

function schemeOf(url: string): string {
  try {
    return new URL(url, document.baseURI).protocol;
  } catch {
    return 'unparseable:';
  }
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** Attributes that hold a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = [
  'href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'data', 'xlink:href', 'lowsrc',
  'dynsrc', 'ping', 'cite', 'longdesc', 'codebase', 'manifest', 'icon', 'usemap', 'itemtype',
];

/** Elements that may not appear in a widget's shadow DOM, from any field or attribute. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'param', 'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'keygen', 'isindex',
  'svg', 'math', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'listing', 'plaintext', 'portal',
  'fencedframe', 'video', 'audio', 'source', 'track', 'picture', 'canvas', 'dialog', 'marquee', 'bgsound',
  'xml', 'image', 'set', 'animate', 'foreignobject', 'handler', 'listener', 'event-source', 'html', 'head',
  'body', 'title',
]);

/** Every element under `root`, in its shadow roots too, with the shadow root it lives in (or null). */
function* elementsOf(root: ParentNode, shadow: ShadowRoot | null = null): Generator<[Element, ShadowRoot | null]> {
  if (root instanceof Element && root.shadowRoot) yield* elementsOf(root.shadowRoot, root.shadowRoot);
  for (const el of root.querySelectorAll('*')) {
    yield [el, shadow];
    if (el.shadowRoot) yield* elementsOf(el.shadowRoot, el.shadowRoot);
  }
}

function describeElement(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host;
  return `<${el.localName}> in <${host?.localName ?? 'document'}>`;
}

/**
 * What is unsafe in the shadow DOM of the widgets under `root`: an empty list when nothing is.
 * The widgets' hosts and the test's own light DOM are not inspected (the test wrote them).
 */
export function findUnsafe(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const [el, shadow] of elementsOf(root)) {
    if (!shadow) continue;
    const where = describeElement(el);
    if (FORBIDDEN_ELEMENTS.has(el.localName)) problems.push(`${where}: a forbidden element`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^on/i.test(name)) problems.push(`${where}: event handler ${name}="${value.slice(0, 60)}"`);
      if (name === 'style') problems.push(`${where}: style="${value.slice(0, 60)}"`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase())) {
        const urls = name === 'srcset' || name === 'ping' ? value.split(/[\s,]+/).filter(Boolean) : [value];
        for (const url of urls) {
          const scheme = schemeOf(url);
          if (!ALLOWED_SCHEMES.has(scheme)) problems.push(`${where}: ${name} with scheme ${scheme} ("${value.slice(0, 60)}")`);
        }
      }
    }
    // The anchor's own reading of its href, in case it differs from the attribute's.
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href') && !ALLOWED_SCHEMES.has(el.protocol)) {
      const note = `${where}: a link to ${el.protocol}`;
      if (!problems.some((p) => p.startsWith(`${where}: href with scheme ${el.protocol}`))) problems.push(note);
    }
    if (el.matches('[part~="body"] *')) {
      const position = getComputedStyle(el).position;
      if (position !== 'static' && position !== 'relative') problems.push(`${where}: position ${position} in the body`);
    }
  }
  return problems;
}

/** Every link in the shadow DOM of the widgets under `root`. */
export function linksIn(root: ParentNode): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  for (const [el, shadow] of elementsOf(root)) {
    if (shadow && el instanceof HTMLAnchorElement) links.push(el);
  }
  return links;
}

/**
 * Hovers, clicks (with the real mouse, through the test runner; in WebKit with dispatched mouse
 * events, see dispatchClick) and focuses every visible link under `root`, so that handlers
 * waiting for a reader would fire.
 */
export async function exercise(root: ParentNode): Promise<number> {
  let exercised = 0;
  for (const link of linksIn(root)) {
    link.scrollIntoView({ block: 'center', inline: 'center' });
    const box = link.getClientRects()[0];
    if (!box || box.width === 0 || box.height === 0) continue;
    // Aim at the part of the link inside the viewport: a link wider than the viewport still sticks
    // out after scrolling, and WebDriver refuses a pointer outside it (a reader cannot click there).
    const left = Math.max(box.left, 0);
    const right = Math.min(box.right, innerWidth);
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, innerHeight);
    const position: [number, number] = [Math.round(left + Math.min(4, (right - left) / 2)), Math.round(top + (bottom - top) / 2)];
    // A click moves the mouse there first: mouseover, mousemove, mousedown, mouseup and click.
    if (right - left >= 1 && bottom - top >= 1) {
      if (ENGINE === 'webkit') dispatchClick(link, position);
      else await sendMouse({ type: 'click', position });
    }
    link.focus();
    link.blur();
    exercised++;
  }
  if (ENGINE !== 'webkit') await sendMouse({ type: 'move', position: [0, 0] });
  return exercised;
}

/**
 * In WebKit, the events of a mouse click, dispatched in a real click's order on what is under
 * the pointer. Each WebDriver pointer action is a round trip of about a quarter of a second there
 * (WebDriver classic, busy machine), which would make the XSS suites, with thousands of clicks,
 * take tens of minutes; handler attributes and javascript: links run for dispatched events as
 * they do for the real mouse.
 */
function dispatchClick(link: HTMLAnchorElement, [x, y]: [number, number]): void {
  const hit = (link.getRootNode() as ShadowRoot | Document).elementFromPoint(x, y);
  const target = hit && link.contains(hit) ? hit : link;
  const init = { cancelable: true, composed: true, clientX: x, clientY: y, view: window, button: 0 };
  const pointer = { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true };
  target.dispatchEvent(new PointerEvent('pointerover', { ...pointer, bubbles: true }));
  target.dispatchEvent(new PointerEvent('pointerenter', pointer));
  target.dispatchEvent(new MouseEvent('mouseover', { ...init, bubbles: true }));
  target.dispatchEvent(new MouseEvent('mouseenter', init));
  target.dispatchEvent(new PointerEvent('pointermove', { ...pointer, bubbles: true }));
  target.dispatchEvent(new MouseEvent('mousemove', { ...init, bubbles: true }));
  target.dispatchEvent(new PointerEvent('pointerdown', { ...pointer, bubbles: true, buttons: 1 }));
  target.dispatchEvent(new MouseEvent('mousedown', { ...init, bubbles: true, buttons: 1 }));
  target.dispatchEvent(new PointerEvent('pointerup', { ...pointer, bubbles: true }));
  target.dispatchEvent(new MouseEvent('mouseup', { ...init, bubbles: true }));
  target.dispatchEvent(new MouseEvent('click', { ...init, bubbles: true, detail: 1 }));
}

/** Waits until the images under `root` have loaded or failed (each for a moment at most), then a frame. */
export async function imagesSettled(root: ParentNode, wait = 1000): Promise<void> {
  const pending = [...elementsOf(root)]
    .map(([el]) => el)
    .filter((el): el is HTMLImageElement => el instanceof HTMLImageElement && !el.complete && el.getClientRects().length > 0);
  await Promise.all(
    pending.map(
      (img) =>
        new Promise<void>((resolve) => {
          img.addEventListener('load', () => resolve(), { once: true });
          img.addEventListener('error', () => resolve(), { once: true });
          setTimeout(resolve, wait);
        }),
    ),
  );
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** The Content-Security-Policy the test page was served with, or null. */
export async function pageCsp(): Promise<string | null> {
  const response = await fetch(location.href, { method: 'HEAD' });
  return response.headers.get('content-security-policy');
}

/** Elements that can run script, anywhere in the document's light DOM (outside the widgets). */
export function scriptingElementsInDocument(): number {
  // A JSON-LD block (`structured-data`) is data the browser never runs; every other script counts.
  return document.querySelectorAll(
    'script:not([type="application/ld+json"]), iframe, object, embed, frame, base, meta[http-equiv]',
  ).length;
}
