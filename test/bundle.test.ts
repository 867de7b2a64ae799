import { expect, waitUntil } from '@open-wc/testing';
import { atEndOfTask } from './tasks.js';
import { trustedScriptURL } from './trusted-types.js';

/**
 * The built bundles as a partner page uses them (built by `npm test` before it runs): the IIFE
 * pasted twice and the ES module on one page.
 */
/** How long a page may take to settle on a busy machine (an outcome is awaited, not a time). */
const SETTLE = { timeout: 30_000 };

/** Opens `path` in an iframe and waits until `count` widgets have settled. */
async function openPage(path: string, count: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  await waitUntil(() => settledCount(frame) === count, 'the widgets did not settle', SETTLE);
  return frame;
}

function settledCount(frame: HTMLIFrameElement): number {
  const statuses = [...frame.contentDocument!.querySelectorAll('[status]')].map((el) => el.getAttribute('status'));
  return statuses.filter((status) => status === 'ready' || status === 'error').length;
}

const scriptsLoaded = (frame: HTMLIFrameElement) =>
  frame.contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.endsWith('.js'));

/**
 * Opens `path` (a page with two widgets) and checks that no script whose path includes `part` has
 * loaded; adds a `tag` element with `attributes`, waits until it settles, and hands it to `check`
 * with the scripts whose path includes `part` loaded by then.
 */
async function addToPage(
  path: string,
  part: string,
  tag: string,
  attributes: Record<string, string>,
  check: (el: Element, loaded: string[]) => void,
): Promise<void> {
  const frame = await openPage(path, 2);
  try {
    expect(scriptsLoaded(frame).filter((script) => script.includes(part)), `${part} before`).to.deep.equal([]);
    const el = frame.contentDocument!.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    frame.contentDocument!.body.append(el);
    await waitUntil(() => settledCount(frame) === 3, `the ${tag} did not settle`, SETTLE);
    check(el, scriptsLoaded(frame).filter((script) => script.includes(part)));
  } finally {
    frame.remove();
  }
}

describe('the built bundles on a partner page', function () {
  this.timeout(60_000); // whole pages on a busy machine
  let frame: HTMLIFrameElement;

  before(async () => {
    frame = await openPage('/test/pages/partner.html', 4);
  });

  after(() => frame.remove());

  it('defines every element once, without an error on the page', () => {
    const win = frame.contentWindow as Window & { pageErrors: string[]; ClinicWidgets?: Record<string, unknown> };
    expect(win.pageErrors).to.deep.equal([]);
    expect(typeof win.ClinicWidgets?.['ClinicArticleCard']).to.equal('function');
    expect(typeof win.ClinicWidgets?.['defineAll']).to.equal('function');
  });

  it('renders the seed content, Markdown body included, from the shared endpoint', () => {
    const doc = frame.contentDocument!;
    const statuses = [...doc.body.children].filter((el) => el.localName.startsWith('clinic-')).map((el) => el.getAttribute('status'));
    const card = doc.querySelector('clinic-article-card')!;
    expect(statuses, (card as HTMLElement & { errorMessage?: string }).errorMessage).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.equal('The Science Behind Ketamine Infusion Therapy');
    expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
    const fetched = performance
      .getEntriesByType('resource')
      .concat(frame.contentWindow!.performance.getEntriesByType('resource'))
      .filter((entry) => entry.name.endsWith('/ketamine-infusion-therapy.json'));
    expect(fetched).to.have.length(1);
  });
});

describe('the classic script pasted twice under Trusted Types', function () {
  this.timeout(60_000); // whole pages on a busy machine
  it('renders, Markdown included, without an error or a violation, and keeps the first copy', async () => {
    const frame = await openPage('/test/pages/partner-csp.html', 3);
    try {
      const win = frame.contentWindow as Window & { pageErrors: string[]; ClinicWidgets?: Record<string, unknown> };
      expect(win.pageErrors).to.deep.equal([]);
      const statuses = [...frame.contentDocument!.querySelectorAll('[status]')].map((el) => el.getAttribute('status'));
      expect(statuses).to.deep.equal(['ready', 'ready', 'ready']);
      const card = frame.contentDocument!.querySelector('clinic-article-card')!;
      expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
      // The defined tag is the first copy's class, and window.ClinicWidgets is still that copy.
      const defined = Object.getPrototypeOf(win.customElements.get('clinic-article-card')!);
      expect(win.ClinicWidgets?.['ClinicArticleCard'] === defined).to.equal(true);
    } finally {
      frame.remove();
    }
  });
});

describe('the ES module bundle', function () {
  this.timeout(60_000); // whole pages on a busy machine
  it('loads the Markdown chunk only when a full article is shown', async () => {
    const attributes = { src: '/test/fixtures/ketamine-infusion-therapy.json', variant: 'full' };
    await addToPage('/test/pages/module.html', '/chunks/markdown-', 'clinic-article-card', attributes, (card, loaded) => {
      expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
      expect(loaded).to.have.length(1);
    });
  });
});

describe('the classic script', function () {
  this.timeout(60_000); // whole pages on a busy machine
  const markdownModules = (frame: HTMLIFrameElement) =>
    scriptsLoaded(frame).filter((path) => path.includes('markdown'));

  it('downloads only itself on a page without a Markdown body, and the Markdown module beside it for one', async () => {
    const frame = await openPage('/test/pages/classic.html', 2);
    try {
      // (The test server adds a script of its own.)
      const ours = scriptsLoaded(frame).filter((path) => !path.startsWith('/__'));
      expect(ours).to.deep.equal(['/test/pages/record-errors.js', '/dist/clinic-widgets.iife.js']);
      const card = frame.contentDocument!.createElement('clinic-article-card');
      card.setAttribute('src', '/test/fixtures/ketamine-infusion-therapy.json');
      card.setAttribute('variant', 'full');
      frame.contentDocument!.body.append(card);
      await waitUntil(() => settledCount(frame) === 3, 'the card did not settle', SETTLE);
      expect(card.getAttribute('status')).to.equal('ready');
      expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
      expect(markdownModules(frame)).to.deep.equal(['/dist/clinic-widgets.markdown.js']);
      const win = frame.contentWindow as Window & { pageErrors: string[] };
      expect(win.pageErrors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('shows the error state on a full article whose Markdown module cannot be loaded, and the rest of the page', async () => {
    const frame = await openPage('/test/pages/classic-markdown-missing.html', 4);
    try {
      const doc = frame.contentDocument!;
      const statuses = [...doc.querySelectorAll('body > *')].filter((el) => el.localName.startsWith('clinic-')).map((el) => el.getAttribute('status'));
      expect(statuses).to.deep.equal(['error', 'ready', 'ready', 'ready']);
      const full = doc.querySelector('clinic-article-card')!;
      expect(full.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()).to.equal('This content could not be loaded.');
      expect(full.shadowRoot!.querySelector('[part~="body"]')).to.equal(null);
      const win = frame.contentWindow as Window & {
        pageErrors: string[];
        clinicEvents: { type: string; tag: string; message?: string }[];
      };
      const errors = win.clinicEvents.filter((event) => event.type === 'clinic-error');
      expect(errors).to.have.length(1);
      expect(errors[0]!.tag).to.equal('clinic-article-card');
      expect(errors[0]!.message).to.match(/^the Markdown renderer could not be loaded from http:.*\/dist\/no-such-markdown\.js$/);
      expect(win.pageErrors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('loads the adapters beside it for a WordPress source, and only then', async () => {
    // The post's image is on the clinic's site, not on this server.
    const attributes = { src: '/src/data/adapters/fixtures/wp-post.json', 'no-image': '' };
    await addToPage('/test/pages/classic.html', 'adapters', 'clinic-article-card', attributes, (card, loaded) => {
      expect(card.getAttribute('status')).to.equal('ready');
      expect(card.shadowRoot!.querySelector('[part~="title"]')!.textContent).to.match(/^The Science Behind Ketamine Infusion Therapy/);
      expect(loaded).to.deep.equal(['/dist/clinic-widgets.adapters.js']);
    });
  });

  it('loads the parser of long answers beside it for an answer over 50,000 characters, and only then', async () => {
    // 2,000 posts, about 66,000 characters.
    const attributes = { src: '/test/fixtures/long-related.json' };
    await addToPage('/test/pages/classic.html', 'slices', 'clinic-related-posts', attributes, (list, loaded) => {
      expect(list.getAttribute('status')).to.equal('ready');
      const titles = [...list.shadowRoot!.querySelectorAll('[part~="link"]')].map((link) => link.textContent!.trim());
      expect(titles).to.have.length(50);
      expect(titles.at(-1)).to.equal('Post 49');
      expect(loaded).to.deep.equal(['/dist/clinic-widgets.slices.js']);
    });
  });

  it('takes the Markdown module from configure({ markdownSrc })', async () => {
    const frame = await openPage('/test/pages/classic-markdown-missing.html', 4);
    try {
      const win = frame.contentWindow as Window & { ClinicWidgets: { configure(config: { markdownSrc?: string }): void } };
      win.ClinicWidgets.configure({ markdownSrc: '/dist/clinic-widgets.markdown.js' });
      const card = frame.contentDocument!.querySelector('clinic-article-card')!;
      card.setAttribute('src', '/test/fixtures/ketamine-infusion-therapy.json?again');
      await waitUntil(() => card.getAttribute('status') === 'ready', 'the card did not render its body', SETTLE);
      expect(card.shadowRoot!.querySelectorAll('[part~="body"] p')).to.have.length(8);
    } finally {
      frame.remove();
    }
  });
});

describe('widgets laid out before the script defines them (an async or module script)', function () {
  this.timeout(60_000); // whole pages on a busy machine
  let frame: HTMLIFrameElement;

  /**
   * Opens the page of widgets laid out before the script, in a frame drawn at a fifth of its
   * size, so that the whole frame is inside the test page's viewport: an element below the
   * viewport gives its held space back (see HoldController), whenever its IntersectionObserver
   * reports, which would move the text below it at a time of its own. Returns the widgets.
   */
  async function openUndefinedFirst(): Promise<HTMLElement[]> {
    frame = document.createElement('iframe');
    frame.style.width = '800px';
    frame.style.height = '3000px';
    frame.style.transform = 'scale(0.2)';
    frame.style.transformOrigin = '0 0';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/pages/undefined-first.html';
    document.body.append(frame);
    await loaded;
    return [...frame.contentDocument!.querySelectorAll<HTMLElement>('body > *')].filter((el) => el.localName.startsWith('clinic-'));
  }

  /** Adds the classic script to the frame, as an async script runs, and waits until the widgets settle. */
  async function runScript(): Promise<void> {
    const script = frame.contentDocument!.createElement('script');
    script.src = trustedScriptURL('/dist/clinic-widgets.iife.js', frame.contentWindow!);
    frame.contentDocument!.head.append(script);
    await waitUntil(() => settledCount(frame) === 3, 'the widgets did not settle', SETTLE);
  }

  afterEach(() => frame.remove());

  it('are drawn in a task after the one that runs the script, at the height they held', async () => {
    const widgets = await openUndefinedFirst();
    const win = frame.contentWindow! as Window & typeof globalThis;
    const heights = widgets.map((el) => el.getBoundingClientRect().height);
    // What the widgets show at the end of the task that defined them, before the page's next task.
    let atEndOfDefine: string[] | undefined;
    const define = win.customElements.define.bind(win.customElements);
    win.customElements.define = (name, constructor, options) => {
      define(name, constructor, options);
      if (name !== 'clinic-related-posts') return;
      atEndOfTask(() => {
        atEndOfDefine = widgets.map((el) => `${el.localName}: ${el.shadowRoot?.childElementCount ?? 'no root'} ${Math.round(el.getBoundingClientRect().height)}`);
      });
    };
    await runScript();
    expect(atEndOfDefine).to.deep.equal(widgets.map((el, i) => `${el.localName}: 0 ${Math.round(heights[i]!)}`));
    expect(widgets.every((el) => el.shadowRoot!.childElementCount > 0)).to.equal(true);
  });

  it('keep the space the embed stylesheet gave them, so the text below does not move', async () => {
    const widgets = await openUndefinedFirst();
    const below = frame.contentDocument!.querySelector('.below')!;
    const before = { heights: widgets.map((el) => el.getBoundingClientRect().height), below: below.getBoundingClientRect().top };
    expect(Math.min(...before.heights)).to.be.above(300);

    await runScript();
    expect(widgets.map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready']);
    // Two frames later, the observers that measure and give space back have had their say.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => frame.contentWindow!.requestAnimationFrame(resolve));
    expect(below.getBoundingClientRect().top, 'the text below stays put').to.be.closeTo(before.below, 0.5);
    widgets.forEach((el, i) => expect(el.getBoundingClientRect().height, el.localName).to.be.closeTo(before.heights[i]!, 0.5));
    // The content is shorter than the space kept (the test would prove nothing otherwise).
    for (const el of widgets) el.style.minBlockSize = '0';
    expect(below.getBoundingClientRect().top).to.be.below(before.below - 100);
  });
});
