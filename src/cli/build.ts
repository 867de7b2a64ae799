import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSnippet } from '../ssr/snippet.js';
import { readContent, type Post } from './content.js';
import {
  headersFile,
  jsonFeed,
  postDocument,
  relatedEntry,
  summaryOf,
  type ResolvedPost,
  type Urls,
} from './documents.js';
import { BuildError, BuildErrors } from './errors.js';
import { imageSize } from './image-size.js';
import { chooseRelated, newestFirst, RELATED_COUNT } from './related.js';
import { checkDocument } from './validate.js';

export interface BuildOptions {
  /** The content folder. */
  content: string;
  /** The output folder; replaced as a whole when the build succeeds, untouched when it fails. */
  out: string;
  /** The blog's URL: a post's URL defaults to site + slug + "/". */
  site: string;
  /** Where OUT_DIR will be served; default: `site`. */
  base?: string;
  /** Folder URL of the widgets' script; default: base + "widgets/", with the bundle copied there. */
  cdn?: string;
  /** Language of dates and labels in the snippets; default `en`. */
  lang?: string;
  /** How many related posts each document carries. */
  relatedCount?: number;
}

export interface BuildResult {
  posts: number;
  drafts: number;
  files: number;
  warnings: string[];
}

/** A folder URL: always ends with "/". */
function folderUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BuildErrors([new BuildError(name, `not an absolute URL: ${value}`)]);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BuildErrors([new BuildError(name, `not an http(s) URL: ${value}`)]);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** Where the package's built browser files are (dist/, beside dist/cli/). */
const DIST = fileURLToPath(new URL('../', import.meta.url));

/** The bundle files a self-hosted output carries: the ES module, the classic script, the modules and chunks they load. */
function widgetFiles(): string[] {
  const files = readdirSync(DIST)
    .filter((name) => name.startsWith('clinic-widgets') && name.endsWith('.js'))
    .sort();
  const chunks = join(DIST, 'chunks');
  if (existsSync(chunks)) {
    for (const name of readdirSync(chunks).sort()) if (name.endsWith('.js')) files.push(`chunks/${name}`);
  }
  return files;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/**
 * Builds OUT_DIR from the content folder: every file is made and checked in memory, written to a
 * temporary folder beside OUT_DIR, and swapped in only when all is well. On any problem it throws
 * BuildErrors (each with file and line) and OUT_DIR is as it was.
 */
export function build(options: BuildOptions): BuildResult {
  const output: { files?: Output } = {};
  try {
    return buildInto(options, output);
  } finally {
    output.files?.discard();
  }
}

function buildInto(options: BuildOptions, output: { files?: Output }): BuildResult {
  const site = folderUrl(options.site, '--site');
  const base = options.base ? folderUrl(options.base, '--base') : site;
  const hostsWidgets = !options.cdn;
  const urls: Urls = { site, base, cdn: options.cdn ? folderUrl(options.cdn, '--cdn') : new URL('widgets/', base).href };
  const lang = options.lang ?? 'en';
  const contentDir = resolve(options.content);
  const outDir = resolve(options.out);
  const { content, warnings } = readContent(contentDir, { skip: outDir });
  const errors: BuildError[] = [];

  const published = content.posts.filter((post) => !post.draft);
  const drafts = content.posts.length - published.length;

  // Slugs and URLs are unique among published posts (a draft may share a slug with the post it replaces).
  const bySlug = new Map<string, Post>();
  for (const post of published) {
    const other = bySlug.get(post.slug);
    if (other) errors.push(new BuildError(post.file, `duplicate slug "${post.slug}": ${other.file} has it too`, post.lineOf(['slug']) ?? 2));
    else bySlug.set(post.slug, post);
  }
  const draftSlugs = new Set(content.posts.filter((post) => post.draft).map((post) => post.slug));

  // URLs and images. Files are written into a temporary folder as they are made (so that memory
  // does not grow with the site) and swapped in at the end, or thrown away at the first problem.
  const files = (output.files = new Output(outDir));
  const resolved: ResolvedPost[] = published.map((post) => {
    let url = new URL(`${encodeURIComponent(post.slug)}/`, site).href;
    if (post.url) {
      try {
        url = new URL(post.url, site).href;
      } catch {
        errors.push(new BuildError(post.file, `url is not a URL: ${post.url}`, post.lineOf(['url'])));
      }
    }
    let image: ResolvedPost['image'];
    if (post.image) {
      const { src, alt, width, height, file } = post.image;
      if (file) {
        const path = relative(contentDir, file).split(sep).join('/');
        const bytes = readFileSync(file);
        files.set(`media/${path}`, bytes);
        const size = width && height ? { width, height } : imageSize(bytes);
        image = { src: new URL(`media/${encodePath(path)}`, base).href, alt, width: size?.width, height: size?.height };
      } else {
        image = { src: new URL(src, site).href, alt, width, height };
      }
    }
    const time = post.date ? Date.parse(post.date) : Number.NEGATIVE_INFINITY;
    return { post, url, image, summary: post.summary ?? summaryOf(post.body), time: Number.isNaN(time) ? -Infinity : time };
  });
  const byUrl = new Map(resolved.map((entry, index) => [entry.url, index]));
  const indexOf = new Map(resolved.map((entry, index) => [entry.post.slug, index]));

  // Pinned related posts: slugs or URLs of published posts, or outside pages with a title.
  const outside = new Map<number, { position: number; entry: Record<string, unknown> }[]>();
  const pinned = resolved.map(({ post }, self) => {
    const list: number[] = [];
    post.related.forEach((pin, position) => {
      if ('title' in pin) {
        const entries = outside.get(self) ?? [];
        entries.push({ position, entry: { title: pin.title, url: pin.url } });
        outside.set(self, entries);
        return;
      }
      let index = indexOf.get(pin.ref);
      if (index === undefined) {
        try {
          index = byUrl.get(new URL(pin.ref, site).href);
        } catch {
          index = undefined;
        }
      }
      if (index === undefined) {
        const why = draftSlugs.has(pin.ref) ? `related post "${pin.ref}" is a draft` : `related post "${pin.ref}" does not exist (no post has this slug or URL)`;
        errors.push(new BuildError(post.file, why, pin.line));
      } else if (index === self) {
        errors.push(new BuildError(post.file, `related post "${pin.ref}" is the post itself`, pin.line));
      } else {
        list.push(index);
      }
    });
    return list;
  });
  if (errors.length) throw new BuildErrors(errors);

  const count = options.relatedCount ?? RELATED_COUNT;
  const relatedIndexes = chooseRelated(
    resolved.map(({ post, url, time }, index) => ({ slug: post.slug, url, time, tags: post.tags, category: post.category, pinned: pinned[index]! })),
    count,
  );
  const publisher = content.publisher;
  const order = resolved.map((_, index) => index).sort((a, b) => newestFirst({ time: resolved[a]!.time, slug: resolved[a]!.post.slug }, { time: resolved[b]!.time, slug: resolved[b]!.post.slug }));
  const entries = resolved.map(relatedEntry);

  for (const index of order) {
    const entry = resolved[index]!;
    const { post } = entry;
    const pins = outside.get(index) ?? [];
    const related = relatedIndexes[index]!.map((other) => entries[other]!);
    // Outside pages keep their place among the pins, which come first.
    for (const { position, entry: page } of pins) related.splice(Math.min(position, related.length), 0, page);
    related.length = Math.min(related.length, Math.max(count, post.related.length));
    const doc = postDocument(entry, publisher, related, urls);
    for (const problem of checkDocument(doc)) {
      const [section, ...rest] = problem.path;
      if (section === 'publisher') {
        errors.push(new BuildError(content.publisherFile, problem.message, content.publisherYaml?.lineOf(rest)));
      } else if (section === 'article') {
        errors.push(new BuildError(post.file, problem.message, post.lineOf([String(rest[0] === 'published' ? 'date' : rest[0] ?? '')]) ?? 2));
      } else {
        errors.push(new BuildError(post.file, problem.message));
      }
    }
    if (errors.length) continue;
    const json = JSON.stringify(doc, null, 2);
    files.set(`articles/${post.slug}.json`, `${json}\n`);
    files.set(
      `embed/${post.slug}.html`,
      renderSnippet({
        name: post.slug,
        src: new URL(`articles/${encodeURIComponent(post.slug)}.json`, base).href,
        script: new URL('clinic-widgets.js', urls.cdn).href,
        lang,
        article: doc['article'],
        publisher: doc['publisher'],
        related: doc['related'] as unknown[],
      }),
    );
  }
  if (errors.length) {
    // One problem of the publisher file is reported once, not once per post.
    const seen = new Set<string>();
    throw new BuildErrors(errors.filter((error) => !seen.has(String(error)) && seen.add(String(error))));
  }

  files.set('feed.json', `${JSON.stringify(jsonFeed(order.map((index) => resolved[index]!), publisher, urls, lang), null, 2)}\n`);
  files.set('_headers', headersFile(urls, hostsWidgets));
  if (hostsWidgets) {
    for (const name of widgetFiles()) files.set(`widgets/${name}`, readFileSync(join(DIST, name)));
  }

  files.commit();
  return { posts: published.length, drafts, files: files.size, warnings };
}

/**
 * The files of one build, written into a fresh folder beside OUT_DIR; `commit()` swaps it in,
 * `discard()` (always called) removes what is left. OUT_DIR changes only in `commit()`.
 */
class Output {
  size = 0;
  private readonly temp: string;
  private readonly old: string;
  private readonly folders = new Set<string>();

  constructor(private readonly outDir: string) {
    const parent = dirname(outDir);
    mkdirSync(parent, { recursive: true });
    this.temp = join(parent, `.${basename(outDir)}.building-${process.pid}`);
    this.old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    rmSync(this.temp, { recursive: true, force: true });
    mkdirSync(this.temp);
  }

  set(name: string, data: string | Uint8Array): void {
    const path = join(this.temp, name);
    const folder = dirname(path);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileSync(path, data);
    this.size++;
  }

  commit(): void {
    if (existsSync(this.outDir)) renameSync(this.outDir, this.old);
    try {
      renameSync(this.temp, this.outDir);
    } catch (error) {
      if (existsSync(this.old)) renameSync(this.old, this.outDir);
      throw error;
    }
  }

  discard(): void {
    rmSync(this.temp, { recursive: true, force: true });
    rmSync(this.old, { recursive: true, force: true });
  }
}
