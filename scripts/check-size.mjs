// Part of `npm test` (after the build): fails when a bundle in dist/ grows past its budget
// (bench/lib/bundles.mjs, the numbers docs/embedding.md states). `npm run bench -- size` says where the
// bytes come from.
import { checkBudgets } from '../bench/lib/bundles.mjs';

const rows = checkBudgets();
for (const { name, bytes, budget, over } of rows) {
  console.log(`size: ${name.padEnd(40)} ${String(bytes).padStart(6)} B gzip, budget ${budget} B${over ? '  OVER BUDGET' : ''}`);
}
if (rows.some((row) => row.over)) {
  console.error('size: a bundle is over its budget; `npm run bench -- size` shows where its bytes come from.');
  process.exit(1);
}
