import type { ReactiveController, LitElement } from 'lit';

/**
 * Content rendered on the server (the snippets `clinic-widgets build` writes): the element arrives
 * with a declarative shadow root that already shows its content. Lit reuses that root; this
 * controller keeps the server's nodes on screen, in place of the skeleton, until the element has
 * its own render to show (`ready` or `error`), then removes them just before that render, in the
 * same task, so the reader never sees a flash, an empty box or the content twice.
 */
export class ServerContentController implements ReactiveController {
  #nodes: ChildNode[];
  #checked = false;

  readonly #host: LitElement;
  /** Whether the host has its own content to show now (it is ready or in error). */
  readonly #settled: () => boolean;

  constructor(host: LitElement, settled: () => boolean) {
    this.#host = host;
    this.#settled = settled;
    host.addController(this);
    // Built while the element is constructed: a shadow root that exists already (before Lit makes
    // or reuses one, and before it adds any styles) is the server's, declared in the page's HTML.
    this.#nodes = host.shadowRoot ? [...host.shadowRoot.childNodes] : [];
  }

  /** Whether the server's content is on screen (the host then renders nothing of its own). */
  get showing(): boolean {
    return this.#nodes.length > 0;
  }

  hostConnected(): void {
    if (this.#checked || !this.#nodes.length) return;
    this.#checked = true;
    // Lit would render before the server's first node (its first render comes after this); it
    // renders after them instead, so that removing them never leaves Lit a detached reference.
    this.#host.renderOptions.renderBefore = null;
  }

  hostUpdate(): void {
    if (this.#nodes.length && this.#settled()) {
      for (const node of this.#nodes) node.remove();
      this.#nodes = [];
    }
  }
}
