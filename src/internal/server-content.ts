import type { ReactiveController, LitElement } from 'lit';

/**
 * Content rendered on the server (the snippets `clinic-widgets build` writes): the element arrives
 * with a declarative shadow root that already shows its content. Lit reuses that root; this
 * controller keeps the server's nodes on screen, in place of the skeleton, until the element has
 * its own render to show (`ready` or `error`), then removes them just before that render, in the
 * same task, so the reader never sees a flash, an empty box or the content twice.
 */
export class ServerContentController implements ReactiveController {
  private nodes: ChildNode[] = [];
  private checked = false;

  constructor(
    private readonly host: LitElement,
    /** Whether the host has its own content to show now (it is ready or in error). */
    private readonly settled: () => boolean,
  ) {
    host.addController(this);
  }

  /** Whether the server's content is on screen (the host then renders nothing of its own). */
  get showing(): boolean {
    return this.nodes.length > 0;
  }

  hostConnected(): void {
    if (this.checked) return;
    this.checked = true;
    const root = this.host.renderRoot;
    // On the first connection, before Lit's first render, anything in the shadow root came from
    // the server (a declarative shadow root).
    if (!root || !('childNodes' in root) || !root.hasChildNodes()) return;
    this.nodes = [...root.childNodes];
    // Lit would render before the server's first node; it renders after them instead, so that
    // removing them never leaves Lit a detached reference.
    this.host.renderOptions.renderBefore = null;
  }

  hostUpdate(): void {
    if (this.nodes.length && this.settled()) {
      for (const node of this.nodes) node.remove();
      this.nodes = [];
    }
  }
}
