/**
 * Structured data for elements with `structured-data`, loaded on demand: the schema.org builders
 * (schema-org.ts) and the writer of the `<script type="application/ld+json">` each element keeps
 * in its light DOM, in step with its content and removed with it. Two elements that describe the
 * same thing (the same article, clinic or list) write it once: the first to claim it writes it,
 * and when that one goes, the next one takes over.
 *
 * Under a Content-Security-Policy with `require-trusted-types-for 'script'`, a script element's
 * text is a Trusted Types sink whatever the script's type. The text is made through a policy named
 * `clinic-widgets-json-ld` whose only rule passes JSON and nothing else (the policy object never
 * leaves this module). If the page's `trusted-types` directive does not allow that name, no
 * structured data is written and the console says why, once.
 */
export { articleJsonLd, clinicJsonLd, itemListJsonLd, serializeJsonLd } from './schema-org.js';

/** The Trusted Types policy name pages with a `trusted-types` allow-list must add. */
export const JSON_LD_POLICY_NAME = 'clinic-widgets-json-ld';

/** What an element describes: a key naming the thing described, and the serialized JSON-LD. */
export interface JsonLdEntry {
  key: string;
  text: string;
}

interface ScriptPolicy {
  createScript(text: string): string;
}
type PolicyFactory = { createPolicy(name: string, rules: { createScript(text: string): string }): ScriptPolicy };

let policy: ScriptPolicy | null | undefined;

/** The policy's one rule: JSON text passes unchanged, anything else becomes empty. */
function onlyJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    return '';
  }
}

function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory || typeof factory.createPolicy !== 'function') return (policy = { createScript: onlyJson });
  try {
    policy = factory.createPolicy(JSON_LD_POLICY_NAME, { createScript: onlyJson });
  } catch {
    console.warn(
      `clinic-widgets: the page's Content-Security-Policy does not allow the Trusted Types policy "${JSON_LD_POLICY_NAME}"; no structured data is written.`,
    );
    policy = null;
  }
  return policy;
}

interface Described {
  entry: JsonLdEntry;
  script?: HTMLScriptElement;
}

/** What each element describes now, and who claimed each key, in order (the first writes). */
const described = new Map<Element, Described>();
const claims = new Map<string, Element[]>();

function write(host: Element): void {
  const state = described.get(host);
  const rules = scriptPolicy();
  if (!state || !rules) return;
  const script = state.script ?? document.createElement('script');
  try {
    script.type = 'application/ld+json';
    script.setAttribute('data-clinic-structured-data', '');
    script.textContent = rules.createScript(state.entry.text);
  } catch {
    // A page policy refused the text after all: the content still shows, without structured data.
    return;
  }
  if (script.parentNode !== host) host.append(script);
  state.script = script;
}

function release(host: Element): void {
  const state = described.get(host);
  if (!state) return;
  described.delete(host);
  state.script?.remove();
  const list = claims.get(state.entry.key) ?? [];
  const index = list.indexOf(host);
  if (index >= 0) list.splice(index, 1);
  if (list.length === 0) claims.delete(state.entry.key);
  else if (index === 0) write(list[0]!);
}

/**
 * `host` now describes `entry` (undefined: nothing, or it left the page): its script is written,
 * updated or removed, and a key it gives up passes to the next element that claimed it.
 */
export function describe(host: Element, entry: JsonLdEntry | undefined): void {
  const current = described.get(host);
  if (current && entry && current.entry.key === entry.key) {
    if (current.entry.text === entry.text) return;
    current.entry = entry;
    if (claims.get(entry.key)?.[0] === host) write(host);
    return;
  }
  release(host);
  if (!entry || !host.isConnected) return;
  described.set(host, { entry });
  const list = claims.get(entry.key) ?? [];
  list.push(host);
  claims.set(entry.key, list);
  if (list[0] === host) write(host);
}
