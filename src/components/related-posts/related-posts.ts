import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { DataError } from '../../data/errors.js';
import { yieldToPage } from '../../data/schedule.js';
import { CURATION_WINDOW, parseJsonHead, parseRelated } from '../../data/parse.js';
import type { RelatedPost } from '../../data/types.js';
import { ClinicElement, type Fields, type SchemaOrg } from '../../internal/clinic-element.js';
import { curate, words } from '../../internal/curation.js';
import { prepareDates } from '../../internal/i18n.js';
import { byline, date, heading, image, link } from '../../internal/templates.js';
import { postLimit } from '../../internal/limit.js';
import { bone, boneOf, TYPICAL } from '../../internal/skeleton.js';
import { pageBase } from '../../data/url.js';
import { hostStyles } from '../../styles/host.styles.js';
import { styles } from './related-posts.styles.js';

/** Entries past which a list is shown in a task of its own (see prepare()). */
const LONG_LIST = 200;

/** What curation reads of a post not yet parsed: its id, URL and tags, where they are strings. */
function curatable(entry: unknown, index: number): { index: number; url: string; id?: string; tags?: string[] } {
  const post = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  const tags = Array.isArray(post['tags']) ? post['tags'].filter((tag): tag is string => typeof tag === 'string') : undefined;
  return {
    index,
    url: typeof post['url'] === 'string' ? post['url'] : '',
    id: typeof post['id'] === 'string' ? post['id'] : undefined,
    tags,
  };
}

/**
 * A heading and a list of related articles: linked title, author, date and an optional image.
 *
 * @summary Lists related posts.
 * @tag clinic-related-posts
 *
 * @slot - Fallback content, shown until data arrives (and when scripts do not run).
 * @slot error - Replaces the default error message.
 *
 * @csspart block - The `<section>` that holds everything.
 * @csspart heading - The list's heading (`h1`–`h6`, from `heading-level`).
 * @csspart list - The `<ul>`.
 * @csspart item - Each `<li>`.
 * @csspart image - An item's `<img>`.
 * @csspart content - The `<div>` around an item's title and meta line.
 * @csspart link - An item's title link; it covers the whole item.
 * @csspart meta - An item's author and date line (`<p>`).
 * @csspart author - An item's author (`<span>`).
 * @csspart date - An item's date (`<time>`).
 * @csspart empty - The message shown when there are no posts.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message.
 *
 * @cssproperty [--clinic-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - All text.
 * @cssproperty [--clinic-heading-font-family=var(--clinic-font-family)] - Headings.
 * @cssproperty [--clinic-font-size=16px] - Base text size; every size inside is in em of it, whatever the page's root size.
 * @cssproperty [--clinic-font-size-small=0.875em] - Secondary text.
 * @cssproperty [--clinic-line-height=1.5] - Base line height.
 * @cssproperty [--clinic-color-text=light-dark(#1c2430, #e6ebf2)] - Text.
 * @cssproperty [--clinic-color-muted=light-dark(#4f5968, #a8b3c2)] - Secondary text.
 * @cssproperty [--clinic-color-accent=light-dark(#0a6660, #62d0c4)] - Links and highlights.
 * @cssproperty [--clinic-color-surface=light-dark(#ffffff, #161b22)] - Background.
 * @cssproperty [--clinic-color-border=light-dark(#d5dbe3, #3a4350)] - Borders and separators.
 * @cssproperty [--clinic-color-error=light-dark(#a3261b, #ff9b8f)] - The error box's start border.
 * @cssproperty [--clinic-color-skeleton=light-dark(#e7ebf0, #262d37)] - Placeholders.
 * @cssproperty [--clinic-color-focus=var(--clinic-color-accent)] - Keyboard focus ring.
 * @cssproperty [--clinic-radius=8px] - Corner radius.
 * @cssproperty [--clinic-spacing=1em] - Inner spacing.
 * @cssproperty [--clinic-shadow=0 1px 2px light-dark(rgb(16 24 40 / 0.06), rgb(0 0 0 / 0.3))] - Shadow.
 * @cssproperty [--clinic-related-radius=var(--clinic-radius, 8px)] - Corner radius of the block.
 * @cssproperty [--clinic-related-padding=var(--clinic-spacing, 1em)] - Inner spacing of the block.
 * @cssproperty [--clinic-related-gap=calc(var(--clinic-spacing, 1em) * 0.75)] - Space between items.
 * @cssproperty [--clinic-related-heading-size=1.125em] - Font size of the heading.
 * @cssproperty [--clinic-related-image-size=5em] - Width of an item's image in the list layout.
 * @cssproperty [--clinic-related-min-column=14em] - Narrowest column of `layout="grid"`.
 *
 * @cssstate loading - Content is on its way.
 * @cssstate ready - Content is shown.
 * @cssstate error - The error message is shown.
 *
 * @fires {ClinicLoadEvent} clinic-load - Content was rendered.
 * @fires {ClinicErrorEvent} clinic-error - Content could not be loaded or was invalid.
 * @fires {ClinicClickEvent} clinic-click - A reader followed a post's link; `position` is its index, `href` carries the UTM parameters.
 * @fires {ClinicImpressionEvent} clinic-impression - At least half of the list was in view for one continuous second (once per content); `count` is the number of posts shown.
 */
export class ClinicRelatedPosts extends ClinicElement<RelatedPost[]> {
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    heading: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    limit: { type: Number },
    layout: { reflect: true },
    items: {},
    exclude: {},
    excludeCurrent: { attribute: 'exclude-current', converter: { fromAttribute: (value) => value !== 'false' } },
    pinned: {},
    tags: {},
    emptyLabel: { attribute: 'empty-label' },
  };

  protected readonly section = 'related';

  /** The list's heading; default "Related posts" in the element's language. */
  declare heading?: string;
  /** Level of the heading, 1 to 6. */
  headingLevel = 2;
  /** Show at most this many posts (default and most: 50); later posts are never read. */
  declare limit?: number;
  /**
   * `list` (default): one post a row with its image and meta line; `grid`: several posts a row when
   * the widget is at least 32em wide (its column, not the window); `compact`: titles only.
   */
  layout: 'list' | 'grid' | 'compact' = 'list';
  /**
   * The posts as a JSON array, shaped like the document's `related` section; read as far as its
   * first 1,000 posts (what follows is not parsed).
   */
  declare items?: string;
  /** Space-separated URLs or ids of posts never shown. */
  declare exclude?: string;
  /**
   * On by default: a post whose URL is the page's canonical URL (`<link rel="canonical">`, else the
   * page's address), query and fragment ignored, is left out. `exclude-current="false"` turns it off.
   */
  excludeCurrent = true;
  /** Space-separated URLs or ids of posts shown first, in this order. */
  declare pinned?: string;
  /** Space-separated tags: only posts that carry at least one are shown (pinned posts still are). */
  declare tags?: string;
  /** Replaces the built-in "No related posts yet." */
  declare emptyLabel?: string;

  protected overrides(): Fields {
    return { items: this.items };
  }

  /** Entries the last compose() chose from. */
  #read = 0;

  protected compose(section: unknown, { items }: Fields): RelatedPost[] {
    this.#read = 0;
    let list = section;
    if (typeof items === 'string') {
      try {
        // Posts past the first CURATION_WINDOW are never read, so they are not parsed either.
        list = parseJsonHead(items, CURATION_WINDOW);
      } catch {
        throw new DataError('the items attribute is not a valid JSON array');
      }
    }
    if (!Array.isArray(list ?? [])) return parseRelated(list, items === undefined ? 'related' : 'items');
    // Curation reads the id, URL and tags of at most CURATION_WINDOW posts; only the posts shown
    // are parsed, so a long list costs no more than the posts it shows.
    const raw = ((list ?? []) as unknown[]).slice(0, CURATION_WINDOW);
    this.#read = raw.length;
    const base = pageBase();
    const current =
      this.excludeCurrent && base !== undefined
        ? (document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? location.href)
        : undefined;
    const chosen = curate(
      raw.map((entry, index) => curatable(entry, index)),
      {
        exclude: words(this.exclude),
        pinned: words(this.pinned),
        tags: words(this.tags),
        current,
      },
      base,
      postLimit(this.limit),
    );
    const shown = chosen.map((post) => raw[post.index]);
    return parseRelated(shown, items === undefined ? 'related' : 'items');
  }

  /**
   * A list chosen from more than LONG_LIST entries is shown in a task after the one that read and
   * chose them, its skeleton in between: reading a thousand entries and drawing the list in one
   * task took over 50 ms. A shorter list given before the first render is shown in it.
   */
  protected override prepare(): Promise<unknown> | undefined {
    return this.#read > LONG_LIST ? yieldToPage() : undefined;
  }

  protected override prepareFormats(posts: RelatedPost[]) {
    return prepareDates(
      posts.map((post) => post.published),
      this.language,
    );
  }

  protected override jsonLd(schema: SchemaOrg, posts: RelatedPost[]) {
    const data = schema.itemListJsonLd(posts, document.baseURI);
    return { key: `list ${JSON.stringify(data)}`, data };
  }

  protected renderSkeleton(): TemplateResult {
    // The list's own boxes and classes: the heading, then `limit` rows (3 when unset, at most 10)
    // of a title and a byline of typical length.
    const rows = Math.min(postLimit(this.limit, 3), 10);
    return html`<div class="block" aria-hidden="true">
      <p class="heading">${boneOf(this.labels.relatedPosts)}</p>
      ${rows
        ? html`<div class="list">
            ${Array.from(
              { length: rows },
              () => html`<div class="item">
                <div class="text">
                  <span class="link">${bone(TYPICAL.postTitle)}</span>
                  <p class="meta">${bone(TYPICAL.postMeta)}</p>
                </div>
              </div>`,
            )}
          </div>`
        : html`<p class="empty">${boneOf(this.labels.empty)}</p>`}
    </div>`;
  }


  protected override labelOverrides() {
    return { relatedPosts: this.heading, empty: this.emptyLabel };
  }

  protected renderContent(posts: RelatedPost[]): TemplateResult {
    const lang = this.language;
    const labels = this.labels;
    return html`<section part="block" class="block" aria-label=${labels.relatedPosts}>
      ${heading(this.headingLevel, labels.relatedPosts, 2, 'heading')}
      ${posts.length
        ? html`<ul part="list" class="list" role="list">
            ${posts.map(
              (post, i) => html`<li part="item" class="item linked" data-position=${i}>
                ${image(post.image, 'image')}
                <div part="content" class="text">
                  ${link(this.tagged(post.url), post.title, true)}
                  ${byline(post.author ? html`<span part="author" class="author">${post.author}</span>` : nothing, date(post.published, lang))}
                </div>
              </li>`,
            )}
          </ul>`
        : html`<p part="empty" class="empty">${labels.empty}</p>`}
    </section>`;
  }
}
