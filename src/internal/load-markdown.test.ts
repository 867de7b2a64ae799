import { expect } from '@open-wc/testing';
import { configure } from '../data/config.js';
import { DataError } from '../data/errors.js';
import { loadMarkdown } from './load-markdown.js';

/** The rejection of `promise`, or a failure if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const imported = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);

describe('loadMarkdown()', () => {
  afterEach(() => configure({ markdownSrc: undefined }));

  it('imports the bundle’s own Markdown module by default, once', async () => {
    const first = loadMarkdown();
    expect(loadMarkdown()).to.equal(first);
    const { renderMarkdown } = await first;
    const fragment = await renderMarkdown('*hi*');
    expect(fragment.querySelector('em')!.textContent).to.equal('hi');
  });

  it('imports the module configure({ markdownSrc }) names, resolved against the page', async () => {
    configure({ markdownSrc: '../src/data/markdown.ts?configured' });
    const { renderMarkdown } = await loadMarkdown();
    expect((await renderMarkdown('**b**')).querySelector('strong')!.textContent).to.equal('b');
    expect(imported().filter((path) => path.endsWith('/src/data/markdown.ts'))).to.not.be.empty;
  });

  it('rejects with a DataError when the module cannot be loaded, and tries again next time', async () => {
    configure({ markdownSrc: '/no/such/markdown.js' });
    const failed = loadMarkdown();
    const error = await rejection(failed);
    expect(error).to.be.instanceOf(DataError);
    expect((error as Error).message).to.equal(
      `the Markdown renderer could not be loaded from ${new URL('/no/such/markdown.js', location.href).href}`,
    );
    const again = loadMarkdown();
    expect(again).to.not.equal(failed);
    await rejection(again);
  });

  it('rejects a module that is not the Markdown module', async () => {
    configure({ markdownSrc: '/src/data/errors.ts' });
    const error = await rejection(loadMarkdown());
    expect((error as Error).message).to.match(/\/src\/data\/errors\.ts is not the clinic-widgets Markdown module$/);
  });

  for (const url of ['javascript:alert(1)//', 'data:text/javascript,window.pwned=1', 'blob:https://x/1', 'http://[']) {
    it(`never imports ${url}`, async () => {
      configure({ markdownSrc: url });
      const error = await rejection(loadMarkdown());
      expect(error).to.be.instanceOf(DataError);
      expect((error as Error).message).to.equal(`the Markdown module's URL "${url}" is not an http(s) URL`);
      expect((window as { pwned?: number }).pwned).to.equal(undefined);
    });
  }
});
