import { expect, fixture } from '@open-wc/testing';
import { html, unsafeStatic } from 'lit/static-html.js';
import { configureClient } from '../src/data/client.js';
import { fakeFetch, json, text } from './fake-client.js';
import { eventsOf, part, partText, settled } from './helpers.js';
import { sampleDocument } from './fixtures.js';

type Doc = ReturnType<typeof sampleDocument> & Record<string, unknown>;

/**
 * The failure classes every element must turn into its error state: a failing endpoint, an answer
 * that is not JSON or not an object, a required field of the wrong type and a missing required
 * field. (An optional value of the wrong type is left out instead: test/left-out-values.test.ts.)
 * Each case must give status="error", one clinic-error event naming the problem, and text in part
 * `error`, and must leave a neighbouring element working.
 */
export function badInputSuite(tag: string, wrongType: (doc: Doc) => void, missing: (doc: Doc) => void, expected: {
  wrongType: RegExp;
  missing: RegExp;
}): void {
  const cases: Array<[string, () => Response | Error, RegExp]> = [
    ['an HTTP 404 answer', () => json({ error: 'nope' }, 404), /answered 404/],
    ['an HTTP 500 answer', () => json({}, 500), /answered 500/],
    ['a network error', () => new TypeError('Failed to fetch'), /could not be reached/],
    ['an answer that is not JSON', () => text('<html>Not found</html>'), /not valid JSON/],
    ['JSON that is not an object', () => json([1, 2, 3]), /must be an object/],
    ['a required field of the wrong type', () => mutate(wrongType), expected.wrongType],
    ['a missing required field', () => mutate(missing), expected.missing],
  ];

  function mutate(change: (doc: Doc) => void): Response {
    const doc = sampleDocument() as Doc;
    change(doc);
    return json(doc);
  }

  describe('bad input', () => {
    for (const [name, answer, message] of cases) {
      it(`shows the error state for ${name}`, async () => {
        configureClient({ retries: 0 });
        fakeFetch({ '/bad.json': answer, '/good.json': json(sampleDocument()) });
        const tagName = unsafeStatic(tag);
        const wrapper = await fixture<HTMLElement>(html`<div>
          <${tagName} src="/bad.json"></${tagName}>
          <${tagName} src="/good.json"></${tagName}>
        </div>`);
        const [bad, good] = [...wrapper.children] as HTMLElement[];
        await settled(bad!);
        await settled(good!);

        expect(bad!.getAttribute('status')).to.equal('error');
        const errors = eventsOf('clinic-error', bad);
        expect(errors).to.have.length(1);
        expect(errors[0]!.detail.message).to.match(message);
        expect(errors[0]!.detail.src).to.equal(new URL('/bad.json', location.href).href);
        expect(part(bad!, 'error')!.hidden).to.equal(false);
        expect(partText(bad!, 'error')).to.not.equal('');
        expect(good!.getAttribute('status'), 'the neighbour still works').to.equal('ready');
      });
    }
  });
}
