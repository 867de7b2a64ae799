// The HTML pages the tests open in frames, made from one template. The test runner serves each at
// its path (testPages(), in web-test-runner.config.mjs), so every page has the same scaffolding and
// says only what is its own: its title, its policy, its scripts and its body.

const DOC = '/test/fixtures/ketamine-infusion-therapy.json';
const ERRORS = { src: '/test/pages/record-errors.js' };
const EVENTS = { src: '/test/pages/record-events.js' };
const POLLUTE = { src: '/test/pages/pollute-prototype.js' };
const CLASSIC = { src: '/dist/clinic-widgets.iife.js' };
const MODULE = { src: '/dist/clinic-widgets.js', module: true };

/** The strict policy of issue 3; `names` are the Trusted Types policies it allows. */
const strict = (names) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types ${names}`;

const card = (attributes = '') => `<clinic-article-card src="${DOC}"${attributes}></clinic-article-card>`;
const publisher = `<clinic-publisher src="${DOC}"></clinic-publisher>`;
const related = `<clinic-related-posts src="${DOC}"></clinic-related-posts>`;
/** The three elements on one document, the card with its Markdown body. */
const THREE = [card(' variant="full"'), publisher, related];

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function script({ src, module = false, attributes = '' }) {
  return `<script${module ? ' type="module"' : ''} src="${src}"${attributes}></script>`;
}

/**
 * One page: `csp` becomes a meta policy, `note` a comment before the scripts, `styles` are
 * stylesheet URLs, `scripts` run in order in the head, `body` is a list of lines.
 */
export function page({ title, csp, note, icon = '/test/fixtures/photo.png', styles = [], scripts = [], body = [] }) {
  const head = [
    '<meta charset="utf-8" />',
    ...(csp ? [`<meta http-equiv="Content-Security-Policy" content="${escape(csp)}" />`] : []),
    `<title>${escape(title)}</title>`,
    ...(icon ? [`<link rel="icon" href="${icon}" />`] : []),
    ...styles.map((href) => `<link rel="stylesheet" href="${href}" />`),
    ...(note ? [`<!-- ${note} -->`] : []),
    ...scripts.map(script),
  ];
  const indent = (lines, depth) => lines.map((line) => `${' '.repeat(depth)}${line}\n`).join('');
  return `<!doctype html>\n<html lang="en">\n  <head>\n${indent(head, 4)}  </head>\n  <body>\n${indent(body, 4)}  </body>\n</html>\n`;
}

/** Every test page, by the path it is served at. */
export const PAGES = {
  '/test/pages/classic.html': {
    title: 'Classic script page',
    scripts: [ERRORS, CLASSIC],
    body: [publisher, related],
  },
  '/test/pages/module.html': {
    title: 'Module page',
    scripts: [MODULE],
    body: [publisher, related],
  },
  '/test/pages/classic-markdown-missing.html': {
    title: 'Classic script whose Markdown module is not where the tag says',
    scripts: [ERRORS, { ...CLASSIC, attributes: ' data-markdown-src="/dist/no-such-markdown.js"' }, EVENTS],
    body: [card(' variant="full"'), card(), publisher, related],
  },
  '/test/pages/partner.html': {
    title: 'Partner page',
    note: 'Pasted twice, plus the module build: the first definition wins and nothing throws.',
    scripts: [ERRORS, CLASSIC, CLASSIC, MODULE],
    body: [
      '<p>Partner text above.</p>',
      ...THREE,
      '<clinic-publisher name="From attributes" phone="916-915-9215"></clinic-publisher>',
    ],
  },
  '/test/pages/partner-csp.html': {
    title: 'Partner page with a strict policy',
    csp: strict('lit-html clinic-widgets'),
    note: 'Pasted twice under Trusted Types: the second copy stops before asking for a policy again.',
    scripts: [ERRORS, CLASSIC, CLASSIC],
    body: THREE,
  },
  '/test/pages/polluted.html': {
    title: 'Page that extends Object.prototype',
    scripts: [ERRORS, POLLUTE, CLASSIC],
    body: THREE,
  },
  '/test/pages/polluted-module.html': {
    title: 'Module page that extends Object.prototype',
    scripts: [ERRORS, POLLUTE, MODULE],
    body: THREE,
  },
  '/test/pages/undefined-first.html': {
    title: 'Widgets laid out before the script defines them',
    styles: ['/test/pages/embed.css'],
    note: "The embed stylesheet of docs/embedding.md; the test adds the script later, as an async script would run.",
    scripts: [ERRORS],
    body: [card(), publisher, related, '<p class="below">Partner text below.</p>'],
  },
  '/test/pages/scheme.html': {
    title: "A reader's colour scheme",
    note: "The elements from source, for test/theming/schemes.test.ts, which sets this page's reader preference from its iframe.",
    scripts: [{ src: '/src/embed.ts', module: true }],
  },
};

/** The security tests' pages under the strict policy, with and without the Markdown policy's name. */
for (const [name, names, note] of [
  ['strict-csp', 'lit-html clinic-widgets', 'with the Trusted Types policy names docs/security.md lists'],
  ['missing-policy', 'lit-html', "allowing Lit's Trusted Types policy only, not the Markdown one"],
]) {
  PAGES[`/test/security/pages/${name}.html`] = {
    title: 'Widgets under a strict Content-Security-Policy',
    csp: strict(names),
    icon: null,
    note: `The strict policy of issue 3, ${note}.`,
    scripts: [{ src: '/test/security/pages/strict-csp.ts', module: true }],
    body: [
      card(' variant="full"'),
      card(),
      publisher,
      related,
      '<clinic-article-card src="/test/security/assets/hostile.json" variant="full"></clinic-article-card>',
      '<clinic-article-card headline="From attributes" summary="A card built from attributes alone." href="/articles/from-attributes"' +
        ' image="/test/fixtures/photo.png" image-alt="A photo" author="Ann" published="2024-05-01" category="News"></clinic-article-card>',
    ],
  };
}

/** A test-runner plugin that serves every page of PAGES at its path. */
export function testPages() {
  return {
    name: 'test-pages',
    serve(context) {
      const described = PAGES[context.path];
      if (described) return { body: page(described), type: 'html' };
      return undefined;
    },
  };
}
