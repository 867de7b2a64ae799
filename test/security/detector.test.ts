import { expect, fixture, html } from '@open-wc/testing';
import { SEED_URL } from '../fixtures.js';
import { settled } from '../helpers.js';
import {
  calls,
  exercise,
  findUnsafe,
  imagesSettled,
  installDetector,
  pageCsp,
  resetDetector,
  violations,
} from './detector.js';
import { BROKEN_IMAGE } from './vectors.js';
import { trustedHTML } from '../trusted-types.js';

/** Puts markup into `root` unsanitized, as a careless widget would (through the tests' pass-through policy where Trusted Types are enforced). */
function insertUnsanitized(root: ShadowRoot, markup: string): void {
  root.innerHTML = trustedHTML(markup);
}

// 'csp-probe' marks the violations these payloads cause on purpose (see web-test-runner.csp.config.mjs).
const PAYLOAD = `<p>
  <img src="${BROKEN_IMAGE}" onerror="alert('csp-probe onerror')">
  <a href="javascript:alert('csp-probe click')">a javascript: link</a>
  <a href="#here" onmouseover="alert('csp-probe hover')" onfocus="alert('csp-probe focus')">a link with handlers</a>
</p>`;

describe('the XSS detector', () => {
  before(() => installDetector());
  beforeEach(() => resetDetector());

  it('fires on an unsanitized payload, or sees the page\u2019s CSP block it', async () => {
    const strict = (await pageCsp())?.includes("script-src 'self'") ?? false;
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    insertUnsanitized(root, PAYLOAD);
    await imagesSettled(root);
    expect(await exercise(host)).to.equal(2);
    await new Promise((resolve) => setTimeout(resolve, 50)); // a javascript: URL runs in a task of its own
    if (strict) {
      // Under the strict policy the browser refuses every one of them: the second wall.
      expect(calls).to.deep.equal([]);
      expect(violations.length).to.be.at.least(3);
      expect(violations.every((v) => v.startsWith('script-src'))).to.equal(true);
    } else {
      expect([...calls].sort()).to.deep.equal([
        'alert(csp-probe click)',
        'alert(csp-probe focus)',
        'alert(csp-probe hover)',
        'alert(csp-probe onerror)',
      ]);
    }
    expect(findUnsafe(host)).to.have.length(4);
  });

  it('finds every kind of unsafe markup it looks for', async () => {
    // Hidden, so that nothing in it loads.
    const host = await fixture<HTMLElement>(html`<div hidden></div>`);
    const root = host.attachShadow({ mode: 'open' });
    insertUnsanitized(
      root,
      `<p onclick="'csp-probe'">handler</p>
      <a href="javascript:void(0)">js</a>
      <a href="data:text/html,<p>x</p>">data</a>
      <a href="vbscript:x">vb</a>
      <q cite="data:text/html,<p>x</p>">quote</q>
      <p style="--csp-probe: 1; color: red">styled</p>
      <iframe></iframe><object></object><embed><form></form><input><svg></svg><math></math>
      <div part="body"><span>fine</span><span class="x">placed</span></div>`,
    );
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('.x { position: fixed; inset: 0; }');
    root.adoptedStyleSheets = [sheet];
    const problems = findUnsafe(host);
    for (const expected of [
      /<p> .*: event handler onclick/,
      /<a> .*: href with scheme javascript:/,
      /<a> .*: href with scheme data:/,
      /<a> .*: href with scheme vbscript:/,
      /<q> .*: cite with scheme data:/,
      /<p> .*: style="--csp-probe: 1; color: red"/,
      /<iframe> .*: a forbidden element/,
      /<object> .*: a forbidden element/,
      /<embed> .*: a forbidden element/,
      /<form> .*: a forbidden element/,
      /<input> .*: a forbidden element/,
      /<svg> .*: a forbidden element/,
      /<math> .*: a forbidden element/,
      /<span> .*: position fixed in the body/,
    ]) {
      expect(problems.some((p) => expected.test(p)), String(expected)).to.equal(true);
    }
  });

  it('finds nothing in widgets rendered from the seed document', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <clinic-article-card src=${SEED_URL} variant="full"></clinic-article-card>
      <clinic-article-card src=${SEED_URL}></clinic-article-card>
      <clinic-publisher src=${SEED_URL}></clinic-publisher>
      <clinic-related-posts src=${SEED_URL}></clinic-related-posts>
    </div>`);
    for (const el of wrapper.children) await settled(el);
    expect([...wrapper.children].map((el) => el.getAttribute('status'))).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    expect(await exercise(wrapper)).to.be.greaterThan(5);
    expect(findUnsafe(wrapper)).to.deep.equal([]);
    expect(calls).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
  });
});
