// The `clinic-widgets build` command, run as a user runs it (node bin/clinic-widgets.mjs), on a
// fixture folder and on broken folders. Run by `npm test` with node:test, after the build.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/clinic-widgets.mjs');
const SITE_FIXTURE = join(ROOT, 'test/cli/fixtures/site');
const SITE = 'https://clinic.example/blog/';
const schema = JSON.parse(readFileSync(join(ROOT, 'schema/clinic-document.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

const temp = mkdtempSync(join(tmpdir(), 'clinic-widgets-cli-'));
after(() => rmSync(temp, { recursive: true, force: true }));
let count = 0;
const fresh = (name) => join(temp, `${name}-${++count}`);

function run(args) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `dir`, as relative path → bytes. */
function tree(dir) {
  const files = {};
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(dir);
  return files;
}

const json = (out, path) => JSON.parse(readFileSync(join(out, path), 'utf8'));

describe('clinic-widgets build on a content folder', () => {
  const out = fresh('out');
  const result = run(['build', SITE_FIXTURE, '--out', out, '--site', SITE]);

  it('exits 0 and says what it wrote', () => {
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /5 posts \(1 drafts skipped\)/);
    assert.equal(result.stderr, '');
  });

  it('writes a document per published post, the feed, a snippet per post, _headers and the widgets', () => {
    const files = Object.keys(tree(out)).filter((path) => !path.startsWith('widgets/chunks/')).sort();
    assert.deepEqual(files, [
      '_headers',
      'articles/anxiety-questions.json',
      'articles/first-visit.json',
      'articles/older.json',
      'articles/ptsd-and-sleep.json',
      'articles/the-science-behind-ketamine-infusion-therapy.json',
      'embed/anxiety-questions.html',
      'embed/first-visit.html',
      'embed/older.html',
      'embed/ptsd-and-sleep.html',
      'embed/the-science-behind-ketamine-infusion-therapy.html',
      'feed.json',
      'media/posts/2024/images/infusion-room.png',
      'widgets/clinic-widgets.adapters.js',
      'widgets/clinic-widgets.hours.js',
      'widgets/clinic-widgets.iife.js',
      'widgets/clinic-widgets.js',
      'widgets/clinic-widgets.jsonld.js',
      'widgets/clinic-widgets.markdown.js',
      'widgets/clinic-widgets.slices.js',
    ]);
  });

  it('puts every front-matter field in the article, and the publisher file in every document', () => {
    const doc = json(out, 'articles/the-science-behind-ketamine-infusion-therapy.json');
    assert.deepEqual(doc.article, {
      id: 'the-science-behind-ketamine-infusion-therapy',
      title: 'The Science Behind Ketamine Infusion Therapy',
      url: 'https://clinic.example/news/the-science-behind-ketamine-infusion-therapy/',
      category: 'Research',
      summary: 'What ketamine does in the brain, and who it helps.',
      body:
        'Ketamine infusion therapy is quickly gaining recognition as a treatment for depression.\n\n## How it works\n\n' +
        'Ketamine acts on *glutamate* receptors. [Read the study](https://pubmed.example/123).\n',
      image: {
        src: 'https://clinic.example/blog/media/posts/2024/images/infusion-room.png',
        alt: 'An infusion room with two reclining chairs',
        width: 16,
        height: 9,
      },
      author: 'Dr. Ana Ruiz',
      published: '2024-05-01',
      tags: ['ketamine', 'depression'],
      reviewedBy: { name: 'Dr. Sam Lee', credential: 'MD, Psychiatry', url: 'https://clinic.example/team/sam-lee/' },
      lastReviewed: '2024-06-01',
      disclaimer: 'This article is for information only and is not medical advice.',
    });
    assert.equal(doc.version, 1);
    assert.equal(doc.publisher.name, 'Riverside Clinic');
    assert.equal(doc.publisher.address.postalCode, '95825');
    assert.deepEqual(json(out, 'articles/older.json').publisher, doc.publisher);
    // A post without a summary gets its first paragraph; without a url, site + slug + "/".
    const sleep = json(out, 'articles/ptsd-and-sleep.json').article;
    assert.equal(sleep.summary, 'Nightmares and insomnia are common after trauma. Here is what helps.');
    assert.equal(sleep.url, 'https://clinic.example/blog/ptsd-and-sleep/');
    assert.deepEqual(sleep.image, { src: 'https://clinic.example/img/sleep.jpg', alt: '' });
  });

  it('chooses related posts: pinned first, then shared tags and category, then newest; never itself or a draft', () => {
    const related = (slug) => json(out, `articles/${slug}.json`).related.map((post) => post.id);
    // Pinned by slug and by URL, in that order; then "older" (shares ketamine), then the newest rest.
    assert.deepEqual(related('the-science-behind-ketamine-infusion-therapy'), ['anxiety-questions', 'ptsd-and-sleep', 'older', 'first-visit']);
    // anxiety-questions shares "depression" with the ketamine post and its category with two others.
    assert.deepEqual(related('anxiety-questions'), ['the-science-behind-ketamine-infusion-therapy', 'ptsd-and-sleep', 'first-visit', 'older']);
    for (const slug of ['anxiety-questions', 'first-visit', 'older', 'ptsd-and-sleep', 'the-science-behind-ketamine-infusion-therapy']) {
      const ids = related(slug);
      assert.ok(!ids.includes(slug), `${slug} lists itself`);
      assert.ok(!ids.includes('upcoming'), `${slug} lists a draft`);
      assert.equal(new Set(ids).size, ids.length);
    }
  });

  it('writes documents that validate against the shipped JSON Schema', () => {
    for (const name of readdirSync(join(out, 'articles'))) {
      assert.ok(validate(json(out, `articles/${name}`)), `${name}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('writes a JSON Feed 1.1 of every published post, newest first', () => {
    const feed = json(out, 'feed.json');
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.title, 'Riverside Clinic');
    assert.equal(feed.home_page_url, SITE);
    assert.equal(feed.feed_url, 'https://clinic.example/blog/feed.json');
    assert.deepEqual(
      feed.items.map((item) => item.title),
      ['The Science Behind Ketamine Infusion Therapy', 'PTSD and Sleep', '“Is It Anxiety?” Questions We Hear', 'Your First Visit', 'Ketamine and Depression, an Older Look'],
    );
    assert.deepEqual(feed.items[1], {
      id: 'https://clinic.example/blog/ptsd-and-sleep/',
      url: 'https://clinic.example/blog/ptsd-and-sleep/',
      title: 'PTSD and Sleep',
      summary: 'Nightmares and insomnia are common after trauma. Here is what helps.',
      content_text: 'Nightmares and insomnia are common after trauma. Here is what helps.',
      image: 'https://clinic.example/img/sleep.jpg',
      date_published: '2024-04-20T09:30:00Z',
      authors: [{ name: "Ben O'Neil" }],
      tags: ['ptsd', 'sleep'],
    });
    assert.equal(feed.items[2].date_published, '2024-03-02T00:00:00Z');
  });

  it('writes _headers with CORS, Retry-After exposed and caching', () => {
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    assert.match(headers, /^\/blog\/\*\n  Access-Control-Allow-Origin: \*\n  Access-Control-Expose-Headers: Retry-After\n/);
    assert.match(headers, /\/blog\/articles\/\*\n  Cache-Control: public, max-age=300, stale-while-revalidate=86400/);
    assert.match(headers, /\/blog\/widgets\/chunks\/\*\n  Cache-Control: public, max-age=31536000, immutable/);
  });

  it('writes server-rendered snippets with the script tag and the three elements', () => {
    const snippet = readFileSync(join(out, 'embed/the-science-behind-ketamine-infusion-therapy.html'), 'utf8');
    assert.match(snippet, /<script type="module" src="https:\/\/clinic\.example\/blog\/widgets\/clinic-widgets\.js"><\/script>/);
    for (const tag of ['clinic-article-card', 'clinic-publisher', 'clinic-related-posts']) {
      assert.match(snippet, new RegExp(`<${tag}\\s+src="https://clinic\\.example/blog/articles/the-science-behind-ketamine-infusion-therapy\\.json" lang="en"[^>]*><template shadowroot="open" shadowrootmode="open">`));
    }
    assert.match(snippet, /The Science Behind Ketamine Infusion Therapy<!--\/lit-part--><\/a>/);
    assert.match(snippet, /By<!--\/lit-part--> <!--lit-part-->Dr\. Ana Ruiz/);
    assert.match(snippet, />Riverside Clinic<!--\/lit-part--><\/p>/);
    assert.match(snippet, />“Is It Anxiety\?” Questions We Hear</);
  });

  it('points the script tag at --cdn, and then copies no widgets', () => {
    const cdnOut = fresh('cdn');
    const cdn = run(['build', SITE_FIXTURE, '--out', cdnOut, '--site', SITE, '--cdn', 'https://cdn.example/clinic-widgets/0.2.0']);
    assert.equal(cdn.code, 0, cdn.stderr);
    assert.match(readFileSync(join(cdnOut, 'embed/older.html'), 'utf8'), /<script type="module" src="https:\/\/cdn\.example\/clinic-widgets\/0\.2\.0\/clinic-widgets\.js">/);
    assert.equal(existsSync(join(cdnOut, 'widgets')), false);
  });

  it('writes the same bytes from the same input', () => {
    const again = fresh('again');
    assert.equal(run(['build', SITE_FIXTURE, '--out', again, '--site', SITE]).code, 0);
    assert.deepEqual(tree(again), tree(out));
  });

  it('replaces an existing OUT_DIR as a whole', () => {
    const target = fresh('replace');
    mkdirSync(join(target, 'articles'), { recursive: true });
    writeFileSync(join(target, 'articles/removed-post.json'), '{}');
    assert.equal(run(['build', SITE_FIXTURE, '--out', target, '--site', SITE]).code, 0);
    assert.equal(existsSync(join(target, 'articles/removed-post.json')), false);
    assert.ok(existsSync(join(target, 'articles/older.json')));
    assert.deepEqual(readdirSync(dirname(target)).filter((name) => name.includes('.building-') || name.includes('.old-')), []);
  });
});

describe('clinic-widgets build on a broken folder', () => {
  /** A copy of the fixture folder with `changes` (path → text, or null to delete), built over an existing OUT_DIR. */
  function broken(changes) {
    const dir = fresh('broken');
    cpSync(SITE_FIXTURE, dir, { recursive: true });
    for (const [path, text] of Object.entries(changes)) {
      if (text === null) rmSync(join(dir, path));
      else {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    }
    const out = fresh('kept');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'the last good build');
    const result = run(['build', dir, '--out', out, '--site', SITE]);
    assert.notEqual(result.code, 0, 'exits non-zero');
    assert.deepEqual(Object.keys(tree(out)), ['keep.txt'], 'OUT_DIR is left as it was');
    assert.deepEqual(readdirSync(dirname(out)).filter((name) => name.includes('.building-') || name.includes('.old-')), []);
    return result.stderr;
  }

  it('names file and line of bad front matter', () => {
    const stderr = broken({ 'posts/bad.md': '---\ntitle: Fine\ntags: [one, two\ndate: 2024-01-01\n---\nBody\n' });
    assert.match(stderr, /^posts\/bad\.md:[345]: invalid YAML: /m);
    assert.match(stderr, /was not changed/);
  });

  it('names file and line of a field of the wrong type', () => {
    const stderr = broken({ 'posts/typed.md': '---\ntitle: Typed\ndate: 2024-01-01\ntags: 5\n---\nBody\n' });
    assert.match(stderr, /^posts\/typed\.md:4: tags must be a list of text$/m);
    const dated = broken({ 'posts/dated.md': '---\ntitle: Dated\ndate: last Tuesday\n---\n' });
    assert.match(dated, /^posts\/dated\.md:3: date must be an ISO 8601 date/m);
    const publisher = broken({ 'publisher.yaml': 'name: Riverside\nphone: 9165550100\nheadline:\n  - not text\n' });
    assert.match(publisher, /^publisher\.yaml:3: publisher\.headline must be string$/m);
  });

  it('names the file of a post without a title, and a missing publisher', () => {
    assert.match(broken({ 'posts/untitled.md': '---\ndate: 2024-01-01\n---\nNo title.\n' }), /^posts\/untitled\.md:2: title is required$/m);
    assert.match(broken({ 'posts/no-front-matter.md': 'Just text.\n' }), /^posts\/no-front-matter\.md:1: no front matter/m);
    assert.match(broken({ 'publisher.yaml': null }), /^publisher\.yaml: missing/m);
    assert.match(broken({ 'publisher.yaml': 'headline: No name\n' }), /^publisher\.yaml(:1)?: publisher\.name is required$/m);
  });

  it('names file and line of a related slug that does not exist, or is a draft', () => {
    const stderr = broken({ 'posts/pins.md': '---\ntitle: Pins\nrelated:\n  - older\n  - no-such-post\n  - upcoming\n---\n' });
    assert.match(stderr, /^posts\/pins\.md:5: related post "no-such-post" does not exist/m);
    assert.match(stderr, /^posts\/pins\.md:6: related post "upcoming" is a draft$/m);
  });

  it('names both files of a duplicate slug', () => {
    const stderr = broken({ 'posts/guides/twin.md': '---\ntitle: Twin\nslug: older\n---\n' });
    assert.match(stderr, /^posts\/guides\/twin\.md:3: duplicate slug "older": posts\/guides\/older\.md has it too$/m);
  });

  it('reports every problem it found, not only the first', () => {
    const stderr = broken({
      'posts/a.md': '---\ntitle: A\ntags: 5\n---\n',
      'posts/b.md': '---\ndate: 2024-01-01\n---\n',
    });
    assert.match(stderr, /^posts\/a\.md:3: /m);
    assert.match(stderr, /^posts\/b\.md:2: title is required/m);
    assert.match(stderr, /2 problem\(s\)/);
  });

  it('refuses a bad command line with usage, exit code 2', () => {
    const result = run(['build', SITE_FIXTURE, '--out', fresh('x')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /missing --site/);
    assert.match(result.stderr, /^Usage: clinic-widgets build/m);
  });
});
