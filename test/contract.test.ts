import { expect } from '@open-wc/testing';
import './helpers.js';

/**
 * The public contract of API.md, name by name: every tag, attribute, part, event and global
 * custom property that users build on is declared in dist/custom-elements.json (written from the
 * elements' JSDoc by `npm test`'s build step) and, for attributes, observed by the element.
 * Renaming one of these is a breaking change; this test makes it a visible one.
 */
const CONTRACT = {
  'clinic-article-card': {
    attributes: [
      'headline', 'summary', 'href', 'image', 'image-alt', 'author', 'published', 'category', 'variant', 'heading-level',
      'reviewed-by', 'reviewer-credential', 'last-reviewed', 'disclaimer',
    ],
    parts: ['card', 'image', 'category', 'title', 'meta', 'summary', 'body', 'link', 'review', 'disclaimer'],
  },
  'clinic-publisher': {
    attributes: [
      'name', 'headline', 'href', 'phone', 'address', 'description', 'logo', 'logo-alt',
      'booking-href', 'booking-label', 'map-href',
    ],
    parts: ['block', 'logo', 'name', 'headline', 'description', 'address', 'phone', 'website', 'hours', 'booking', 'map'],
  },
  'clinic-related-posts': {
    attributes: ['heading', 'limit', 'layout', 'items', 'exclude', 'exclude-current', 'pinned', 'tags'],
    parts: ['heading', 'list', 'item', 'link', 'meta'],
  },
} as const;
const EVERY_ELEMENT = {
  attributes: [
    'src', 'status', 'lang', 'theme', 'loading',
    'utm-source', 'utm-medium', 'utm-campaign', 'utm-content', 'structured-data',
  ],
  parts: ['error', 'skeleton'],
  events: ['clinic-load', 'clinic-error', 'clinic-click', 'clinic-impression'],
  cssProperties: [
    '--clinic-font-family', '--clinic-color-text', '--clinic-color-muted', '--clinic-color-accent',
    '--clinic-color-surface', '--clinic-color-border', '--clinic-radius', '--clinic-spacing',
  ],
};

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
  events?: Array<{ name: string }>;
}

describe('the public contract', () => {
  let declarations: Map<string, Declaration>;

  before(async () => {
    const manifest = await (await fetch('/dist/custom-elements.json')).json();
    declarations = new Map();
    for (const module of manifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.tagName) declarations.set(declaration.tagName, declaration);
      }
    }
  });

  for (const [tag, own] of Object.entries(CONTRACT)) {
    describe(`<${tag}>`, () => {
      const names = (list?: Array<{ name: string }>) => (list ?? []).map((item) => item.name);

      it('declares every attribute of API.md, and observes it', () => {
        const declared = names(declarations.get(tag)?.attributes);
        const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
        for (const attribute of [...own.attributes, ...EVERY_ELEMENT.attributes]) {
          expect(declared, `declared: ${attribute}`).to.include(attribute);
          expect(observed, `observed: ${attribute}`).to.include(attribute);
        }
      });

      it('declares every part, event and global custom property of API.md', () => {
        const declaration = declarations.get(tag)!;
        expect(names(declaration.cssParts)).to.include.members([...own.parts, ...EVERY_ELEMENT.parts]);
        expect(names(declaration.events)).to.include.members(EVERY_ELEMENT.events);
        expect(names(declaration.cssProperties)).to.include.members(EVERY_ELEMENT.cssProperties);
      });
    });
  }
});
