import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Writes one `<script type="application/ld+json">` into the host's light DOM with the JSON-LD of
 * what it shows, keeps it in step with the content, and removes it with the element. Two elements
 * that describe the same thing (the same article, clinic or list) write it once: the first to
 * claim it writes it, and when that one goes, the next one takes over.
 *
 * Under a Content-Security-Policy with `require-trusted-types-for 'script'`, a script element's
 * text is a Trusted Types sink whatever the script's type. The text is made through a policy named
 * `clinic-widgets-json-ld` whose only rule passes on JSON that this module serialized itself (the
 * policy object never leaves this module). If the page's `trusted-types` directive does not allow
 * that name, no structured data is written and the console says why, once.
 */

/** The Trusted Types policy name pages with a `trusted-types` allow-list must add. */
export const JSON_LD_POLICY_NAME = 'clinic-widgets-json-ld';

/** What the host wants written: a key naming the thing described, and the serialized JSON-LD. */
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
    // Only JSON passes: the text is never code, whoever calls the policy.
    policy = factory.createPolicy(JSON_LD_POLICY_NAME, { createScript: onlyJson });
  } catch {
    console.warn(
      `clinic-widgets: the page's Content-Security-Policy does not allow the Trusted Types policy "${JSON_LD_POLICY_NAME}"; no structured data is written.`,
    );
    policy = null;
  }
  return policy;
}

/** Who claimed each key, in order; the first one writes the script. */
const claims = new Map<string, StructuredDataController[]>();

export class StructuredDataController implements ReactiveController {
  private entry?: JsonLdEntry;
  private script?: HTMLScriptElement;
  private connected = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** The JSON-LD the host shows now; undefined removes it. */
  set(entry: JsonLdEntry | undefined): void {
    if (entry?.key === this.entry?.key && entry?.text === this.entry?.text) return;
    this.release();
    this.entry = entry;
    this.claim();
  }

  hostConnected(): void {
    this.connected = true;
    this.claim();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.release();
  }

  private claim(): void {
    if (!this.connected || !this.entry) return;
    const list = claims.get(this.entry.key) ?? [];
    if (!list.includes(this)) list.push(this);
    claims.set(this.entry.key, list);
    if (list[0] === this) this.write();
  }

  private release(): void {
    this.script?.remove();
    this.script = undefined;
    if (!this.entry) return;
    const list = claims.get(this.entry.key);
    if (!list) return;
    const index = list.indexOf(this);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) claims.delete(this.entry.key);
    else if (index === 0) list[0]!.write();
  }

  private write(): void {
    const rules = scriptPolicy();
    if (!rules || !this.entry) return;
    const script = this.script ?? document.createElement('script');
    try {
      script.type = 'application/ld+json';
      script.setAttribute('data-clinic-structured-data', '');
      script.textContent = rules.createScript(this.entry.text);
    } catch {
      // A page policy refused the text after all: the content still shows, without structured data.
      return;
    }
    if (script.parentNode !== this.host) this.host.append(script);
    this.script = script;
  }
}
