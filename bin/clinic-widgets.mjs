#!/usr/bin/env node
// `clinic-widgets build CONTENT_DIR --out OUT_DIR --site URL [--cdn URL]`: runs the built command
// (dist/cli/). Node 20 or newer.
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  process.stderr.write(`clinic-widgets needs Node 20 or newer (this is ${process.versions.node})\n`);
  process.exit(1);
}
await import('../dist/cli/clinic-widgets.js');
