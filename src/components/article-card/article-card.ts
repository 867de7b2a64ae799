import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { DataError } from '../../data/errors.js';
import { own, parseArticle, parsePublisher } from '../../data/parse.js';
import type { Article, DocumentEnvelope, Publisher } from '../../data/types.js';
import { ClinicElement, composeSection, type Fields, type SchemaOrg } from '../../internal/clinic-element.js';
import { loadMarkdown } from '../../internal/load-markdown.js';
import type { Placement } from '../../data/markdown.js';
import { byline, date, heading, image, link } from '../../internal/templates.js';
import { prepareDates } from '../../internal/i18n.js';
import { bone, boneOf, TYPICAL } from '../../internal/skeleton.js';
import { hostStyles } from '../../styles/host.styles.js';
import { styles } from './article-card.styles.js';

/**
 * An article: image, category, linked title, author, date and summary; with `variant="full"` the
 * Markdown body too, sanitized.
 *
 * @summary Shows one clinic article.
 * @tag clinic-article-card
 *
 * @slot - Fallback content, shown until data arrives (and when scripts do not run).
 * @slot error - Replaces the default error message.
 * @slot disclaimer - Replaces the disclaimer text (the document's `disclaimer` or the attribute).
 *
 * @csspart card - The `<article>` that holds everything.
 * @csspart image - The `<img>`.
 * @csspart content - The `<div>` around the text, beside or under the image.
 * @csspart category - The category line (`<p>`).
 * @csspart title - The heading (`h1`–`h6`, from `heading-level`).
 * @csspart link - The title's `<a>`; in the card variant it covers the whole card.
 * @csspart meta - The author and date line (`<p>`).
 * @csspart author - The author (`<span>`).
 * @csspart date - The date (`<time>`).
 * @csspart review - The medical review line under the title ("Medically reviewed by …, … · Last reviewed …"; `<p>`).
 * @csspart disclaimer - The disclaimer (`<p>`) at the end of the card.
 * @csspart summary - The summary paragraph.
 * @csspart read-more - The "Read more" cue of the card variant (`<span>`; the whole card is the link).
 * @csspart body - The rendered Markdown body (`variant="full"`).
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
 * @cssproperty [--clinic-card-radius=var(--clinic-radius, 8px)] - Corner radius of the card.
 * @cssproperty [--clinic-card-padding=var(--clinic-spacing, 1em)] - Inner spacing of the card.
 * @cssproperty [--clinic-card-title-size=1.25em] - Font size of the title.
 * @cssproperty [--clinic-card-image-ratio=16 / 9] - Shape of an image whose width and height are unknown.
 * @cssproperty [--clinic-card-image-width=40%] - Width of the image in the horizontal layout.
 * @cssproperty [--clinic-card-summary-lines=4] - Lines of summary the card variant shows (`none` for all).
 * @cssproperty [--clinic-card-shadow-hover=0 4px 14px light-dark(rgb(16 24 40 / 0.12), rgb(0 0 0 / 0.5))] - Shadow of a linked card under the pointer.
 *
 * @cssstate loading - Content is on its way.
 * @cssstate ready - Content is shown.
 * @cssstate error - The error message is shown.
 *
 * @fires {ClinicLoadEvent} clinic-load - Content was rendered.
 * @fires {ClinicErrorEvent} clinic-error - Content could not be loaded or was invalid.
 * @fires {ClinicClickEvent} clinic-click - A reader followed the article's link; `href` carries the UTM parameters.
 * @fires {ClinicImpressionEvent} clinic-impression - At least half of the card was in view for one continuous second (once per content).
 */
export class ClinicArticleCard extends ClinicElement<Article> {
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    headline: {},
    summary: {},
    href: {},
    image: {},
    imageAlt: { attribute: 'image-alt' },
    author: {},
    published: {},
    category: {},
    variant: { reflect: true },
    layout: { reflect: true },
    readMoreLabel: { attribute: 'read-more-label' },
    byLabel: { attribute: 'by-label' },
    headingLevel: { attribute: 'heading-level', type: Number },
    reviewedBy: { attribute: 'reviewed-by' },
    reviewerCredential: { attribute: 'reviewer-credential' },
    lastReviewed: { attribute: 'last-reviewed' },
    disclaimer: {},
    item: {},
    noImage: { attribute: 'no-image', type: Boolean, reflect: true },
  };

  protected readonly section = 'article';
  /** The rendered body on its way into the page, and what it was rendered from (see bodyKey). */
  #body?: Placement;
  #bodyKey?: string;
  /** The render under way, and what it renders. */
  #rendering?: { key: string; done: Promise<void>; abort: AbortController };

  /** The title (the document's `article.title`). */
  declare headline?: string;
  /** A short summary. */
  declare summary?: string;
  /** Where the title links to. */
  declare href?: string;
  /** URL of the image. */
  declare image?: string;
  /** Text alternative of the image; empty marks it as decorative. */
  declare imageAlt?: string;
  /** Who wrote the article. */
  declare author?: string;
  /** Publication date, ISO 8601. */
  declare published?: string;
  /** A category shown above the title. */
  declare category?: string;
  /** `card` shows the summary; `full` shows the Markdown body too. */
  variant: 'card' | 'full' = 'card';
  /**
   * `vertical` puts the image above the text; `horizontal` puts it on the start side when the card
   * is at least 34em wide (its column, not the window), and above the text when narrower.
   */
  layout: 'vertical' | 'horizontal' = 'vertical';
  /** Replaces the built-in "Read more". */
  declare readMoreLabel?: string;
  /** Replaces the built-in "By" before the author. */
  declare byLabel?: string;
  /** Level of the title heading, 1 to 6. */
  headingLevel = 2;
  /** Name of the medical reviewer (the document's `article.reviewedBy.name`). */
  declare reviewedBy?: string;
  /** The reviewer's credential, such as "MD" (`article.reviewedBy.credential`). */
  declare reviewerCredential?: string;
  /** Date of the last medical review, ISO 8601 (`article.lastReviewed`). */
  declare lastReviewed?: string;
  /** Plain-text disclaimer shown at the end of the card (`article.disclaimer`; the `disclaimer` slot takes markup). */
  declare disclaimer?: string;
  /**
   * With a feed or post list as `src` (JSON Feed, WordPress): the `id` or `url` of the item to show.
   * Without it the card shows the first item.
   */
  declare item?: string;
  /**
   * Hide the image even when the article has one. The loading skeleton then reserves no image
   * box either: set it on cards whose articles have no image, so that no empty image box's space
   * is kept under their content.
   */
  noImage = false;

  protected overrides(): Fields {
    return {
      title: this.headline,
      summary: this.summary,
      url: this.href,
      author: this.author,
      published: this.published,
      category: this.category,
      lastReviewed: this.lastReviewed,
      disclaimer: this.disclaimer,
    };
  }

  protected compose(section: unknown, overrides: Fields): Article {
    const article = composeSection(parseArticle, section, overrides, { field: 'image', src: this.image, alt: this.imageAlt });
    const name = this.reviewedBy?.trim() || article.reviewedBy?.name;
    if (name) {
      const credential = this.reviewerCredential?.trim() || (this.reviewedBy ? undefined : article.reviewedBy?.credential);
      article.reviewedBy = { ...article.reviewedBy, name, credential };
    }
    return article;
  }

  protected override jsonLd(schema: SchemaOrg, article: Article) {
    const load = this.loader.state;
    let publisher: Publisher | undefined;
    try {
      if (this.data === undefined && load.kind === 'complete' && load.doc.publisher) publisher = parsePublisher(load.doc.publisher);
    } catch {
      // A faulty publisher section leaves the article's data without a publisher.
    }
    const data = schema.articleJsonLd(article, document.baseURI, publisher);
    return { key: `article ${String(data['url'] ?? article.title)}`, data };
  }

  /** "Medically reviewed by Dr. Ann Lee, MD · Last reviewed May 1, 2025", either half optional. */
  #renderReview(article: Article): TemplateResult | typeof nothing {
    const { reviewedBy: reviewer, lastReviewed } = article;
    const when = date(lastReviewed, this.language);
    if (!reviewer && when === nothing) return nothing;
    const labels = this.labels;
    return html`<p part="review" class="review">
      ${reviewer
        ? html`<span>${labels.reviewedBy} <bdi>${reviewer.name}</bdi>${reviewer.credential
            ? html`, <bdi>${reviewer.credential}</bdi>`
            : nothing}</span>`
        : nothing}${reviewer && when !== nothing ? html`<span aria-hidden="true"> · </span>` : nothing}${when !== nothing
        ? html`<span>${labels.lastReviewed} ${when}</span>`
        : nothing}
    </p>`;
  }

  protected override sectionOf(doc: DocumentEnvelope): unknown {
    const item = this.item?.trim();
    const article = own(doc, 'article');
    if (!item) return article;
    // A feed or post list lists every article in `items`; a single document has its one article.
    const listed = own(doc, 'items');
    const items = Array.isArray(listed) ? listed : [article];
    const found = items.find(
      (entry: unknown) => typeof entry === 'object' && entry !== null && (own(entry, 'id') === item || own(entry, 'url') === item),
    );
    if (found === undefined) throw new DataError(`the document has no item ${JSON.stringify(item.slice(0, 200))}`);
    return found;
  }

  /**
   * What a body is rendered from: its text and format, and the URL of the document it came from
   * (its relative links resolve against that); `undefined` when no body is shown.
   */
  #bodyKeyOf(article: Article): string | undefined {
    if (this.variant !== 'full' || article.body === undefined) return undefined;
    // The same text as HTML or as Markdown is a different body: the format is part of the key.
    return `${article.bodyFormat ?? 'markdown'}:${this.#documentUrl() ?? ''}\n${article.body}`;
  }

  /** The URL of the document the content came from; none for content from `data` or attributes. */
  #documentUrl(): string | undefined {
    const load = this.loader.state;
    return this.data === undefined && load.kind === 'complete' ? load.url : undefined;
  }

  protected override prepareFormats(article: Article) {
    return prepareDates([article.published, article.lastReviewed], this.language);
  }

  protected override prepare(article: Article): Promise<unknown> | undefined {
    const key = this.#bodyKeyOf(article);
    if (key !== undefined && key === this.#rendering?.key) return this.#rendering.done;
    // A render for other content is no longer wanted: stop it, and never show what it made.
    this.#rendering?.abort.abort();
    this.#rendering = undefined;
    if (key === this.#bodyKey) return undefined;
    if (key === undefined) {
      this.#bodyKey = undefined;
      this.#body = this.settling = undefined;
      return undefined;
    }
    const abort = new AbortController();
    const source = article.body!;
    const options = { base: this.#documentUrl(), signal: abort.signal };
    const done = loadMarkdown().then(async ({ renderHtml, renderMarkdown, Placement }) => {
      const fragment = await (article.bodyFormat === 'html' ? renderHtml : renderMarkdown)(source, options);
      if (this.#rendering?.abort !== abort) return;
      this.#rendering = undefined;
      this.#bodyKey = key;
      // The first batch goes in with the card; the rest after it, and clinic-load waits for them.
      const body = (this.#body = new Placement(fragment));
      const settling = (this.settling = body
        .finish(() => this.#bodyElement(), () => this.#body === body)
        .then(() => {
          if (this.settling !== settling) return;
          this.settling = undefined;
          this.requestUpdate();
        }));
    });
    this.#rendering = { key, done, abort };
    return done;
  }

  #bodyElement(): Element | null {
    return this.renderRoot.querySelector('.body[part~="body"]');
  }

  override updated(): void {
    // The batches of the body that are due go into the body element Lit has just drawn.
    this.#body?.place(this.#bodyElement());
    super.updated();
  }

  protected renderSkeleton(): TemplateResult {
    // The card's own boxes and classes, with placeholder text of typical length: the same size as
    // a card with an image, a two-line title, a byline and a summary that fills its clamped lines.
    const full = this.variant === 'full';
    return html`<div class="card" aria-hidden="true">
      ${this.noImage ? nothing : html`<span class="image"></span>`}
      <div class="content">
        <p class="category">${bone(TYPICAL.category)}</p>
        <p class="title">${bone(TYPICAL.title)}</p>
        <p class="meta">${bone(TYPICAL.byline)}</p>
        <p class="summary">${bone(TYPICAL.summary)}</p>
        ${full
          ? html`<div class="body"><p>${bone(TYPICAL.body / 2)}</p><p>${bone(TYPICAL.body / 2)}</p></div>`
          : html`<span class="read-more">${boneOf(this.labels.readMore)}</span>`}
      </div>
    </div>`;
  }


  protected override labelOverrides() {
    return { readMore: this.readMoreLabel, by: this.byLabel };
  }

  protected renderContent(article: Article): TemplateResult {
    const full = this.variant === 'full';
    // In the card variant the title's link covers the card: one link, one tab stop per card.
    const stretched = !full && article.url !== undefined;
    const labels = this.labels;
    const author = article.author
      ? html`<span part="author" class="author">${labels.by} ${article.author}</span>`
      : nothing;
    const review = article.reviewedBy !== undefined || article.lastReviewed !== undefined;
    // A slotted disclaimer counts too (there are no children to look at when rendered on a server).
    const disclaimer =
      article.disclaimer !== undefined ||
      (typeof this.querySelector === 'function' && this.querySelector(':scope > [slot="disclaimer"]') !== null);
    const trust = review && disclaimer ? 'trust both' : review || disclaimer ? 'trust' : '';
    return html`<article part="card" class="card ${stretched ? 'linked' : ''} ${trust}">
      ${this.noImage ? nothing : image(article.image, 'image')}
      <div part="content" class="content">
        ${article.category ? html`<p part="category" class="category">${article.category}</p>` : nothing}
        ${heading(this.headingLevel, link(this.tagged(article.url), article.title, stretched))}
        ${byline(author, date(article.published, this.language))}
        ${this.#renderReview(article)}
        ${article.summary && !(full && article.body?.trimStart().startsWith(article.summary.trim()))
          ? html`<p part="summary" class="summary">${article.summary}</p>`
          : nothing}
        ${this.#bodyKey !== undefined && this.#bodyKey === this.#bodyKeyOf(article)
          ? html`<div part="body" class="body"></div>`
          : nothing}
        ${stretched ? html`<span part="read-more" class="read-more" aria-hidden="true">${labels.readMore}</span>` : nothing}
        <p part="disclaimer" class="disclaimer" ?hidden=${!disclaimer}>
          <slot name="disclaimer">${article.disclaimer}</slot>
        </p>
      </div>
    </article>`;
  }
}

