// Renders the documentation (README.md and docs/*.md) into HTML pages of the demo site, in
// demo/docs/ (generated, not committed), styled like the rest of the demo: `npm start` serves them
// at /demo/docs/. Links between the Markdown files point at the pages; other relative links point
// at the file in the repository as the demo server serves it. The Markdown is our own, so the
// HTML it contains is kept as written.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Marked } from 'marked';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'demo/docs');

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slugger() {
  const seen = new Map();
  return (text) => {
    const base = text
      .replace(/<[^>]*>/g, '')
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count ? `${base}-${count}` : base;
  };
}

/** The pages: README.md first, then docs/*.md by name. */
async function sources() {
  const docs = (await readdir(join(ROOT, 'docs'))).filter((name) => name.endsWith('.md')).sort();
  return [
    { path: 'README.md', page: 'readme.html' },
    ...docs.map((name) => ({ path: `docs/${name}`, page: name.replace(/\.md$/, '.html') })),
  ];
}

/** A relative URL in the file at `from` (a repository path), rewritten for the page in demo/docs/. */
function rewrite(href, from, pages) {
  if (!href || /^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(href)) return href;
  const [path, hash = ''] = href.split(/(?=#)/);
  const target = posix.normalize(posix.join(posix.dirname(from), decodeURI(path)));
  const page = pages.get(target);
  if (page) return page + hash;
  return `../../${encodeURI(target)}${hash}`;
}

/** The first sentence or so of a paragraph's Markdown, as plain text. */
function plain(markdown) {
  const text = markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
  return text.length > 170 ? `${text.slice(0, 160).replace(/\s+\S*$/, '')}…` : text;
}

const sidebar = (list, current) =>
  `<nav class="docs-nav" aria-label="Documentation"><ul>${list
    .map(({ page, title }) => `<li><a href="./${page}"${page === current ? ' aria-current="page"' : ''}>${escape(title)}</a></li>`)
    .join('')}</ul></nav>`;

const layout = ({ title, body, nav }) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(title)} – clinic-widgets docs</title>
    <link rel="icon" href="../images/propel-mark.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="../site.css" />
  </head>
  <body>
    <header class="site-header">
      <div class="bar">
        <a class="brand-name" href="../"><img src="../images/propel-mark.svg" alt="" width="28" height="28" />clinic-widgets</a>
        <nav aria-label="Demo site">
          <ul>
            <li><a href="../">Overview</a></li>
            <li><a href="../partner.html">Partner page</a></li>
            <li><a href="../gallery.html">Theming gallery</a></li>
            <li><a href="../builder.html">Embed builder</a></li>
            <li><a href="./" aria-current="page">Docs</a></li>
          </ul>
        </nav>
      </div>
    </header>
    <div class="page docs">
      ${nav}
      <main class="prose">
${body}
      </main>
    </div>
    <footer class="site-footer">
      <div>Rendered from the Markdown in the repository (README.md and docs/) by scripts/build-docs.mjs.</div>
    </footer>
  </body>
</html>
`;

export async function buildDocs() {
  const list = await sources();
  const pages = new Map(list.map(({ path, page }) => [path, page]));
  const rendered = [];
  for (const source of list) {
    const markdown = await readFile(join(ROOT, source.path), 'utf8');
    const slug = slugger();
    let title = '';
    let summary = '';
    const marked = new Marked({
      gfm: true,
      walkTokens(token) {
        if (token.type === 'link' || token.type === 'image') token.href = rewrite(token.href, source.path, pages);
        if (token.type === 'heading' && token.depth === 1 && !title) title = token.text.replace(/`/g, '');
        if (token.type === 'paragraph' && !summary && title) summary = token.text;
      },
      renderer: {
        heading({ tokens, depth, text }) {
          const id = slug(text.replace(/`/g, ''));
          return `<h${depth} id="${escape(id)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
        },
      },
    });
    // Code and tables wider than the column scroll; tabindex lets a keyboard scroll them too.
    // A table's empty corner cell is no header: a data cell, for assistive technology.
    const body = (await marked.parse(markdown)).replace(/<(pre|table)>/g, '<$1 tabindex="0">').replace(/<th>(\s*)<\/th>/g, '<td>$1</td>');
    rendered.push({ ...source, title: title || source.path, summary, body });
  }
  // The README's title is the project's name; in the list it is the start page.
  rendered[0].title = 'README: start here';

  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const nav = (current) => sidebar(rendered, current);
  for (const page of rendered) await writeFile(join(OUT, page.page), layout({ title: page.title, body: page.body, nav: nav(page.page) }));
  const index = `<h1>Documentation</h1>
<p class="lead">The guides and the reference, rendered from the Markdown files in the repository.</p>
<ul class="cards">
${rendered
  .map(
    ({ page, title, summary }) =>
      `<li><h2><a href="./${page}">${escape(title)}</a></h2><p>${escape(plain(summary))}</p></li>`,
  )
  .join('\n')}
</ul>`;
  await writeFile(join(OUT, 'index.html'), layout({ title: 'Documentation', body: index, nav: nav('index.html') }));
  return rendered.map(({ page }) => page);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const pages = await buildDocs();
  console.log(`docs: ${pages.length + 1} pages in demo/docs/`);
}
