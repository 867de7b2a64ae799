// The command's entry (bin/clinic-widgets.mjs runs the built copy of this module).
import { main } from './main.js';

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
