import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { BuildError, BuildErrors } from './errors.js';
import { parseYaml, splitFrontMatter, type Yaml } from './front-matter.js';

/** An image as a post or the publisher gives it: a URL, or a file of the content folder. */
export interface ImageInput {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  /** The absolute path of a local file to copy (set when `src` names a file beside the post). */
  file?: string;
}

export interface ReviewedBy {
  name: string;
  credential?: string;
  url?: string;
}

/** A related-post pin: a slug or URL of a post, or an outside page with its own title. */
export type Pin = { ref: string; line?: number } | { title: string; url: string; line?: number };

/** One Markdown post, checked. */
export interface Post {
  /** Path relative to the content folder, with `/` separators (for messages and ordering). */
  file: string;
  slug: string;
  title: string;
  date?: string;
  author?: string;
  summary?: string;
  category?: string;
  tags: string[];
  image?: ImageInput;
  reviewedBy?: ReviewedBy;
  lastReviewed?: string;
  disclaimer?: string;
  related: Pin[];
  draft: boolean;
  url?: string;
  body: string;
  /** The line of a front-matter field, for messages. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

export interface Content {
  /** The `publisher` section as written, and where it came from. */
  publisher: Record<string, unknown>;
  publisherFile: string;
  publisherYaml?: Yaml;
  posts: Post[];
}

/** Every field a post's front matter may have, and the type it must have. */
export const FRONT_MATTER_FIELDS: Readonly<Record<string, string>> = {
  title: 'text (required)',
  slug: 'text: letters, digits, "-", "_" and "."',
  date: 'an ISO 8601 date, e.g. 2024-05-01',
  author: 'text',
  summary: 'text',
  category: 'text',
  tags: 'a list of text',
  image: 'a URL or file path, or { src, alt, width, height }',
  reviewedBy: 'a name, or { name, credential, url }',
  lastReviewed: 'an ISO 8601 date',
  disclaimer: 'text',
  related: 'a list of slugs or URLs (or { title, url })',
  draft: 'true or false',
  url: 'a URL',
};

const SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

/** Reads and checks one post; collects every problem of the file. */
function readPost(root: string, path: string, errors: BuildError[], warnings: string[]): Post | undefined {
  const file = relative(root, path).split(sep).join('/');
  let split;
  try {
    split = splitFrontMatter(readFileSync(path, 'utf8'), file);
  } catch (error) {
    if (error instanceof BuildError) errors.push(error);
    else throw error;
    return undefined;
  }
  const { data, body } = split;
  const fm = data.value as Record<string, unknown>;
  const before = errors.length;
  const fail = (field: string, message: string, at: (string | number)[] = [field]) =>
    errors.push(new BuildError(file, message, data.lineOf(at)));
  const wrongType = (field: string, at?: (string | number)[]) =>
    fail(field, `${field} must be ${FRONT_MATTER_FIELDS[field]}`, at);

  for (const key of Object.keys(fm)) {
    if (!(key in FRONT_MATTER_FIELDS)) {
      warnings.push(`${file}:${data.lineOf([key]) ?? 2}: unknown field "${key}" is ignored (fields: ${Object.keys(FRONT_MATTER_FIELDS).join(', ')})`);
    }
  }

  const text = (field: string): string | undefined => {
    const value = fm[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') {
      wrongType(field);
      return undefined;
    }
    return value.trim() || undefined;
  };
  const date = (field: string): string | undefined => {
    const value = fm[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !ISO_DATE.test(value.trim()) || Number.isNaN(Date.parse(value.trim()))) {
      wrongType(field);
      return undefined;
    }
    return value.trim();
  };

  const titleValue = fm['title'];
  let title: string | undefined;
  if (typeof titleValue === 'string' && titleValue.trim()) title = titleValue.trim();
  else if (titleValue === undefined || titleValue === null || typeof titleValue === 'string') {
    fail('title', 'title is required', titleValue === undefined ? [] : ['title']);
  } else wrongType('title');
  const slugField = text('slug');
  const base = file.slice(file.lastIndexOf('/') + 1, -extname(file).length);
  const slug = slugField ?? base;
  if (!SLUG.test(slug)) {
    if (slugField !== undefined) wrongType('slug');
    else fail('slug', `the file name "${base}" cannot be a slug: set slug (${FRONT_MATTER_FIELDS['slug']})`, []);
  }

  const tagsValue = fm['tags'];
  let tags: string[] = [];
  if (tagsValue !== undefined && tagsValue !== null) {
    if (Array.isArray(tagsValue) && tagsValue.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
      tags = [...new Set(tagsValue.map((tag) => String(tag).trim()).filter(Boolean))];
    } else {
      wrongType('tags');
    }
  }

  let image: ImageInput | undefined;
  const imageValue = fm['image'];
  if (typeof imageValue === 'string' && imageValue.trim()) {
    image = { src: imageValue.trim(), alt: '' };
  } else if (imageValue && typeof imageValue === 'object' && !Array.isArray(imageValue)) {
    const { src, alt, width, height } = imageValue as Record<string, unknown>;
    const size = (value: unknown) => value === undefined || (typeof value === 'number' && value > 0 && Number.isFinite(value));
    if (typeof src !== 'string' || !src.trim() || (alt !== undefined && typeof alt !== 'string') || !size(width) || !size(height)) {
      wrongType('image');
    } else {
      image = { src: src.trim(), alt: (alt as string | undefined) ?? '', width: width as number | undefined, height: height as number | undefined };
    }
  } else if (imageValue !== undefined && imageValue !== null) {
    wrongType('image');
  }
  if (image && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(image.src)) {
    // A path: a file beside the post (or from the content folder's root with a leading "/").
    const local = image.src.startsWith('/') ? join(root, image.src) : join(path, '..', image.src);
    if (!existsSync(local) || !statSync(local).isFile()) fail('image', `image file not found: ${image.src}`);
    else image.file = local;
  }

  let reviewedBy: ReviewedBy | undefined;
  const reviewer = fm['reviewedBy'];
  if (typeof reviewer === 'string' && reviewer.trim()) {
    reviewedBy = { name: reviewer.trim() };
  } else if (reviewer && typeof reviewer === 'object' && !Array.isArray(reviewer)) {
    const { name, credential, url } = reviewer as Record<string, unknown>;
    const optional = (value: unknown) => value === undefined || value === null || typeof value === 'string';
    if (typeof name !== 'string' || !name.trim() || !optional(credential) || !optional(url)) wrongType('reviewedBy');
    else reviewedBy = { name: name.trim(), credential: (credential as string | undefined) || undefined, url: (url as string | undefined) || undefined };
  } else if (reviewer !== undefined && reviewer !== null) {
    wrongType('reviewedBy');
  }

  const related: Pin[] = [];
  const relatedValue = fm['related'];
  if (Array.isArray(relatedValue)) {
    relatedValue.forEach((entry: unknown, i) => {
      const line = data.lineOf(['related', i]);
      if (typeof entry === 'string' && entry.trim()) related.push({ ref: entry.trim(), line });
      else if (entry && typeof entry === 'object' && typeof (entry as Json)['title'] === 'string' && typeof (entry as Json)['url'] === 'string') {
        related.push({ title: (entry as Json)['title'] as string, url: (entry as Json)['url'] as string, line });
      } else wrongType('related', ['related', i]);
    });
  } else if (relatedValue !== undefined && relatedValue !== null) {
    wrongType('related');
  }

  const draftValue = fm['draft'];
  if (draftValue !== undefined && draftValue !== null && typeof draftValue !== 'boolean') wrongType('draft');

  const post: Post = {
    file,
    slug,
    title: title ?? '',
    date: date('date'),
    author: text('author'),
    summary: text('summary'),
    category: text('category'),
    tags,
    image,
    reviewedBy,
    lastReviewed: date('lastReviewed'),
    disclaimer: text('disclaimer'),
    related,
    draft: draftValue === true,
    url: text('url'),
    body,
    lineOf: (at) => data.lineOf(at),
  };
  return errors.length === before ? post : undefined;
}

type Json = Record<string, unknown>;

/** Every `*.md` file under `dir`, at any depth, skipping hidden folders and `node_modules`; sorted. */
function markdownFiles(dir: string, skip: string | undefined): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (path !== skip) walk(path);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        found.push(path);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** The publisher file (`publisher.yaml`, `.yml` or `.json`) of the content folder. */
function readPublisher(root: string, errors: BuildError[]): Pick<Content, 'publisher' | 'publisherFile' | 'publisherYaml'> {
  const names = ['publisher.yaml', 'publisher.yml', 'publisher.json'].filter((name) => existsSync(join(root, name)));
  if (names.length === 0) {
    errors.push(new BuildError('publisher.yaml', 'missing: the content folder needs publisher.yaml (or .yml/.json) with at least name'));
    return { publisher: {}, publisherFile: 'publisher.yaml' };
  }
  if (names.length > 1) errors.push(new BuildError(names[1]!, `both ${names.join(' and ')} exist: keep one`));
  const file = names[0]!;
  const text = readFileSync(join(root, file), 'utf8');
  let yaml: Yaml;
  try {
    // JSON is YAML: one parser, with lines, for both.
    yaml = parseYaml(text, file);
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    errors.push(error);
    return { publisher: {}, publisherFile: file };
  }
  const value = yaml.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    errors.push(new BuildError(file, 'must be a mapping of the publisher fields (name, headline, url, …)', 1));
    return { publisher: {}, publisherFile: file };
  }
  return { publisher: value as Json, publisherFile: file, publisherYaml: yaml };
}

/**
 * Reads the content folder: the publisher and every post. Throws BuildErrors with every problem
 * found; prints nothing (warnings are returned).
 */
export function readContent(root: string, { skip }: { skip?: string } = {}): { content: Content; warnings: string[] } {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new BuildErrors([new BuildError(root, 'not a folder')]);
  }
  const errors: BuildError[] = [];
  const warnings: string[] = [];
  const publisher = readPublisher(root, errors);
  const posts: Post[] = [];
  for (const path of markdownFiles(root, skip)) {
    const post = readPost(root, path, errors, warnings);
    if (post) posts.push(post);
  }
  if (errors.length) throw new BuildErrors(errors);
  return { content: { ...publisher, posts }, warnings };
}
