// Builds dist/ and runs every benchmark in this folder, one after another:
//   npm run bench            all of them
//   npm run bench -- size    only bench/size.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .filter((name) => only.length === 0 || only.includes(name.replace(/\.mjs$/, '')));

execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: `${here}/..` });
for (const script of scripts) {
  console.log(`\n== bench/${script}`);
  execFileSync(process.execPath, [`${here}/${script}`], { stdio: 'inherit' });
}
