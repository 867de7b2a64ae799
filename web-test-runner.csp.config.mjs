// `npm run test:csp`: the whole suite again, on pages served with the strict Content-Security-Policy
// that partner sites may use (issue 3), with the Trusted Types policy names docs/security.md lists:
//
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script';
//   trusted-types lit-html clinic-widgets clinic-widgets-json-ld clinic-widgets-test 'allow-duplicates'
//
// `clinic-widgets-test` is the tests' own policy (test/trusted-types.ts), for what a test's setup
// writes through a Trusted Types sink (an iframe's srcdoc, a script it adds); the widgets never
// use it. 'allow-duplicates' is there because some test pages load both bundles, as docs/security.md says.
//
// The test runner's own page needs one allowance, and only one: it boots with two inline
// <script type="module"> blocks (the console capture and `window.__WTR_CONFIG__`), so script-src
// also lists the SHA-256 hash of each inline script of that page, computed per response. Nothing
// else is relaxed: no 'unsafe-inline', no 'unsafe-eval', no nonce, no extra origin, and style-src
// stays 'self' (the widgets use constructable stylesheets, which the policy does not restrict).
//
// Every violation the browser reports (report-uri, same origin) is listed at the end of the run,
// and the run fails if there was one.
import { createHash } from 'node:crypto';
import { baseConfig } from './web-test-runner.config.mjs';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; " +
  "trusted-types lit-html clinic-widgets clinic-widgets-json-ld clinic-widgets-test 'allow-duplicates'";

const REPORT_PATH = '/__csp-report';
/** A report of an image on a host under the reserved .example domain: a test's stand-in for another site. */
const PLACEHOLDER_IMAGE = /^img-src blocked https:\/\/([a-z0-9-]+\.)*example\//;
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

/** The `'sha256-…'` sources of the inline scripts of an HTML page, in order of appearance. */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [tag, content] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(tag.slice(0, tag.indexOf('>')))) continue;
    hashes.add(`'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy for one page: the strict one, plus the hashes of that page's own inline scripts.
 * 'report-sample' and report-uri change nothing the page may do; they make each violation
 * arrive here with the first characters of what was blocked.
 */
export function policyFor(html) {
  const hashes = inlineScriptHashes(html);
  return STRICT_CSP.replace("script-src 'self'", ["script-src 'self'", ...hashes, "'report-sample'"].join(' '))
    .replace("style-src 'self'", "style-src 'self' 'report-sample'")
    .concat(`; report-uri ${REPORT_PATH}`);
}

const violations = new Map();

function describe(report) {
  const r = report['csp-report'] ?? report.body ?? report;
  const directive = r['effective-directive'] ?? r.effectiveDirective ?? r['violated-directive'] ?? '?';
  const blocked = r['blocked-uri'] ?? r.blockedURL ?? '';
  const source = r['source-file'] ?? r.sourceFile ?? '';
  const line = r['line-number'] ?? r.lineNumber ?? '';
  const sample = r['script-sample'] ?? r.sample ?? '';
  const page = String(r['document-uri'] ?? r.documentURL ?? '');
  return `${directive} blocked ${blocked || '(inline)'}${source ? ` at ${source.replace(/^https?:\/\/[^/]+/, '')}:${line}` : ''}${sample ? ` "${sample}"` : ''}${page.includes('wtr-session-id') ? '' : ` on ${page}`}`;
}

async function readBody(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** The response's HTML as a string; a streamed body is read once and put back as a string. */
async function htmlBody(ctx) {
  if (typeof ctx.body === 'string') return ctx.body;
  if (Buffer.isBuffer(ctx.body)) return ctx.body.toString('utf8');
  if (ctx.body && typeof ctx.body.pipe === 'function') {
    ctx.body = await readBody(ctx.body);
    return ctx.body;
  }
  return '';
}

const config = baseConfig();

export default {
  ...config,
  middleware: [
    ...(config.middleware ?? []),
    async function strictCsp(ctx, next) {
      if (ctx.method === 'POST' && ctx.path === REPORT_PATH) {
        try {
          const body = JSON.parse(await readBody(ctx.req));
          for (const report of Array.isArray(body) ? body : [body]) {
            const text = describe(report);
            violations.set(text, (violations.get(text) ?? 0) + 1);
          }
        } catch {
          violations.set('an unreadable violation report', (violations.get('an unreadable violation report') ?? 0) + 1);
        }
        ctx.status = 204;
        return;
      }
      await next();
      if (ctx.response.is('html')) ctx.set('Content-Security-Policy', policyFor(await htmlBody(ctx)));
    },
  ],
  plugins: [
    ...config.plugins,
    {
      name: 'csp-violation-summary',
      serverStop() {
        // The security tests cause a few violations on purpose, to prove the policy holds; their
        // payloads carry the marker "csp-probe". The tests of URLs in a document from another site
        // name images on hosts under .example (reserved, they never resolve), which img-src 'self'
        // refuses as a partner's policy would that does not list that site.
        const all = [...violations];
        const probes = all.filter(([text]) => text.includes('csp-probe'));
        const elsewhere = all.filter(([text]) => PLACEHOLDER_IMAGE.test(text) && !text.includes('csp-probe'));
        const others = all.filter(([text]) => !text.includes('csp-probe') && !PLACEHOLDER_IMAGE.test(text));
        const count = (list) => list.reduce((sum, [, n]) => sum + n, 0);
        console.log(`\nContent-Security-Policy: ${STRICT_CSP}`);
        console.log(`  ${count(probes)} violation(s) caused on purpose by the security tests' probes.`);
        console.log(`  ${count(elsewhere)} image(s) on a test's stand-in for another site (a host under .example) refused by img-src.`);
        if (others.length === 0) {
          console.log('  No other violation reported.');
          return;
        }
        console.log(`  ${count(others)} other violation(s) reported (a test's own inline styles, or a widget):`);
        for (const [text, n] of others) console.log(`    ${n}× ${text}`);
        // The test runner exits with its own verdict; a violation nobody caused on purpose fails the run.
        process.on('exit', () => {
          process.exitCode = 1;
        });
      },
    },
  ],
};
