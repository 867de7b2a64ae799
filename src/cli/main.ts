import { parseArgs } from 'node:util';
import { build } from './build.js';
import { BuildErrors } from './errors.js';

const USAGE = `Usage: clinic-widgets build CONTENT_DIR --out OUT_DIR --site URL [--cdn URL] [--base URL] [--lang LANG]

Makes the documents the clinic-widgets elements read, from Markdown posts with YAML front matter:
  OUT_DIR/articles/SLUG.json   one version 1 document per post (article, publisher, related posts)
  OUT_DIR/feed.json            JSON Feed 1.1 of every post, newest first
  OUT_DIR/embed/SLUG.html      paste-ready snippet, server-rendered (shows without JavaScript)
  OUT_DIR/_headers             CORS and caching headers for static hosts
  OUT_DIR/widgets/             the widgets' script, when --cdn is not given

Options:
  --out OUT_DIR   output folder; replaced only when the whole build succeeds
  --site URL      the blog's URL; a post's URL is SITE + slug + "/" unless it sets url
  --base URL      where OUT_DIR will be served (default: --site)
  --cdn URL       folder URL of clinic-widgets.js (default: BASE/widgets/, copied there)
  --lang LANG     language of dates and labels in the snippets (default: en)
`;

/** Runs the command with `argv` (without node and the script); returns the exit code. */
export function main(argv: string[], io: { out: (text: string) => void; err: (text: string) => void }): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        site: { type: 'string' },
        base: { type: 'string' },
        cdn: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const [command, content, ...extra] = positionals;
  if (command !== 'build' || !content || extra.length || !values.out || !values.site) {
    const missing = [
      command !== 'build' ? 'the command "build"' : '',
      !content ? 'CONTENT_DIR' : '',
      !values.out ? '--out' : '',
      !values.site ? '--site' : '',
    ].filter(Boolean);
    io.err(`${missing.length ? `missing ${missing.join(', ')}` : `unexpected ${extra.join(' ')}`}\n\n${USAGE}`);
    return 2;
  }
  try {
    const started = performance.now();
    const result = build({ content, out: values.out, site: values.site, base: values.base, cdn: values.cdn, lang: values.lang });
    for (const warning of result.warnings) io.err(`warning: ${warning}\n`);
    io.out(
      `clinic-widgets: ${result.posts} posts (${result.drafts} drafts skipped), ${result.files} files in ${values.out} (${Math.round(performance.now() - started)} ms)\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BuildErrors) {
      io.err(`${error.errors.map(String).join('\n')}\nclinic-widgets: ${error.errors.length} problem(s); ${values.out} was not changed\n`);
      return 1;
    }
    io.err(`clinic-widgets: ${(error as Error).stack ?? String(error)}\n${values.out} was not changed\n`);
    return 1;
  }
}
