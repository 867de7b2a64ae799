// Builds the fixture content folder (test/cli/fixtures/site) into test/cli/out with the built
// command, for the browser tests of the server-rendered snippets (test/snippet.test.ts). Its URLs
// are placeholders that the tests point at the test server: https://widgets.test/site/ (where
// the output is served) and https://widgets.test/dist/ (the widgets' script).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    'bin/clinic-widgets.mjs', 'build', 'test/cli/fixtures/site', '--out', 'test/cli/out',
    '--site', 'https://clinic.example/blog/', '--base', 'https://widgets.test/site/', '--cdn', 'https://widgets.test/dist/',
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
