import { ClinicArticleCard } from './components/article-card/article-card.js';
import { ClinicPublisher } from './components/publisher/publisher.js';
import { ClinicRelatedPosts } from './components/related-posts/related-posts.js';
import { rememberLaidOut } from './internal/hold-controller.js';

/** Version of this build, used to tell two different copies on one page apart. */
export const VERSION = '0.1.0';

/** Every element's tag and class. The only place tags are registered. */
export const ELEMENTS = {
  'clinic-article-card': ClinicArticleCard,
  'clinic-publisher': ClinicPublisher,
  'clinic-related-posts': ClinicRelatedPosts,
} as const;

const VERSION_KEY = Symbol.for('clinic-widgets.version');
type Versioned = CustomElementConstructor & { [VERSION_KEY]?: string };

/**
 * Defines every element that is not defined yet. A tag that is already taken keeps its first
 * definition (pasting the script twice, or loading both bundles, is harmless); a different
 * version of clinic-widgets already on the page is mentioned once on the console.
 */
export function defineAll(registry: CustomElementRegistry = customElements): void {
  // Elements the page laid out before this (an async or module script) keep that space while they load.
  if (registry === globalThis.customElements) rememberLaidOut(Object.keys(ELEMENTS).filter((tag) => !registry.get(tag)));
  let warned = false;
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    const existing = registry.get(tag) as Versioned | undefined;
    if (existing) {
      const version = existing[VERSION_KEY];
      if (!warned && existing !== element && version !== VERSION) {
        warned = true;
        console.warn(
          `clinic-widgets ${VERSION}: <${tag}> is already defined by ${version ? `version ${version}` : 'another script'}; keeping that one.`,
        );
      }
      continue;
    }
    // A subclass per registration: one class can back only one tag in a registry.
    const defined = class extends element {} as unknown as Versioned;
    defined[VERSION_KEY] = VERSION;
    try {
      registry.define(tag, defined);
    } catch {
      // Another script defined the tag between the check and here: the first definition wins.
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'clinic-article-card': ClinicArticleCard;
    'clinic-publisher': ClinicPublisher;
    'clinic-related-posts': ClinicRelatedPosts;
  }
}
