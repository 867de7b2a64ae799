import { expect } from '@open-wc/testing';
import { ClinicArticleCard } from '../src/components/article-card/article-card.js';
import { defineAll, ELEMENTS } from '../src/define.js';

/** A registry of our own, so the page's real one is left alone. */
function registry(preset: Record<string, CustomElementConstructor> = {}) {
  const defined = new Map(Object.entries(preset));
  return {
    defined,
    get: (tag: string) => defined.get(tag),
    define: (tag: string, ctor: CustomElementConstructor) => {
      if (defined.has(tag)) throw new DOMException(`${tag} already defined`, 'NotSupportedError');
      defined.set(tag, ctor);
    },
  } as unknown as CustomElementRegistry & { defined: Map<string, CustomElementConstructor> };
}

describe('defineAll()', () => {
  let warnings: unknown[][];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('defines every tag once and tolerates being called again', () => {
    const reg = registry();
    defineAll(reg);
    defineAll(reg);
    expect([...reg.defined.keys()].sort()).to.deep.equal(Object.keys(ELEMENTS).sort());
    expect(reg.defined.get('clinic-article-card')!.prototype).to.be.instanceOf(ClinicArticleCard);
    expect(warnings).to.have.length(0);
  });

  it('keeps a tag that another script defined first, and says so once', () => {
    class Other extends HTMLElement {}
    const reg = registry({ 'clinic-article-card': Other, 'clinic-publisher': Other });
    expect(() => defineAll(reg)).to.not.throw();
    expect(reg.defined.get('clinic-article-card')).to.equal(Other);
    expect(reg.defined.get('clinic-related-posts')).to.not.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]![0])).to.match(/<clinic-article-card> is already defined by another script/);
  });
});
