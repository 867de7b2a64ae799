import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { parseArticle } from '../../data/parse.js';
import type { Article } from '../../data/types.js';
import { ClinicElement, withOverrides, type Fields } from '../../internal/clinic-element.js';
import { date, heading, image, link } from '../../internal/templates.js';
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
 *
 * @csspart card - The `<article>` that holds everything.
 * @csspart image - The `<img>`.
 * @csspart category - The category line.
 * @csspart title - The heading (`h1`–`h6`, from `heading-level`).
 * @csspart link - The title's `<a>`.
 * @csspart meta - The author and date line.
 * @csspart summary - The summary paragraph.
 * @csspart body - The rendered Markdown body (`variant="full"`).
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - The error message.
 *
 * @cssproperty [--clinic-card-radius=var(--clinic-radius, 8px)] - Corner radius of the card.
 * @cssproperty [--clinic-card-padding=var(--clinic-spacing, 1rem)] - Inner spacing of the card.
 * @cssproperty [--clinic-card-title-size=1.25rem] - Font size of the title.
 *
 * @cssstate loading - Content is on its way.
 * @cssstate ready - Content is shown.
 * @cssstate error - The error message is shown.
 *
 * @fires {ClinicLoadEvent} clinic-load - Content was rendered.
 * @fires {ClinicErrorEvent} clinic-error - Content could not be loaded or was invalid.
 * @fires {ClinicClickEvent} clinic-click - A reader followed the article's link.
 */
export class ClinicArticleCard extends ClinicElement<Article> {
  static override styles = [hostStyles, styles];

  protected readonly section = 'article';
  private body: unknown = nothing;
  private bodySource?: string;

  /** The title (the document's `article.title`). */
  @property() headline?: string;
  /** A short summary. */
  @property() summary?: string;
  /** Where the title links to. */
  @property() href?: string;
  /** URL of the image. */
  @property() image?: string;
  /** Text alternative of the image; empty marks it as decorative. */
  @property({ attribute: 'image-alt' }) imageAlt?: string;
  /** Who wrote the article. */
  @property() author?: string;
  /** Publication date, ISO 8601. */
  @property() published?: string;
  /** A category shown above the title. */
  @property() category?: string;
  /** `card` shows the summary; `full` shows the Markdown body too. */
  @property({ reflect: true }) variant: 'card' | 'full' = 'card';
  /** Level of the title heading, 1 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  protected overrides(): Fields {
    return {
      title: this.headline,
      summary: this.summary,
      url: this.href,
      author: this.author,
      published: this.published,
      category: this.category,
    };
  }

  protected compose(section: unknown, overrides: Fields): Article {
    const image = this.image === undefined ? undefined : { src: this.image, alt: this.imageAlt ?? '' };
    const article = parseArticle(withOverrides(section, { ...overrides, image }));
    if (article.image && this.imageAlt !== undefined) article.image.alt = this.imageAlt;
    return article;
  }

  protected override prepare(article: Article): Promise<unknown> | undefined {
    const source = this.variant === 'full' ? article.body : undefined;
    if (source === this.bodySource) return undefined;
    if (source === undefined) {
      this.bodySource = undefined;
      this.body = nothing;
      return undefined;
    }
    return import('../../data/markdown.js').then(({ renderMarkdown }) => {
      this.body = renderMarkdown(source);
      this.bodySource = source;
    });
  }

  protected renderSkeleton(): TemplateResult {
    return html`<span class="bone media"></span>
      <span class="bone title"></span>
      <span class="bone short"></span>
      <span class="bone"></span>
      <span class="bone"></span>`;
  }

  protected renderContent(article: Article): TemplateResult {
    const full = this.variant === 'full';
    const by = article.author ? html`<span class="author">${this.labels.by} ${article.author}</span>` : nothing;
    const when = date(article.published, this.language);
    return html`<article part="card" class="card ${full ? 'full' : 'compact'}">
      ${image(article.image, 'image')}
      <div class="content">
        ${article.category ? html`<p part="category" class="category">${article.category}</p>` : nothing}
        ${heading(this.headingLevel, link(article.url, article.title, 'link', full ? '' : 'stretched'))}
        ${by !== nothing || when !== nothing
          ? html`<p part="meta" class="meta">${by}${by !== nothing && when !== nothing ? html`<span aria-hidden="true"> · </span>` : nothing}${when}</p>`
          : nothing}
        ${article.summary && !(full && article.body?.trimStart().startsWith(article.summary.trim()))
          ? html`<p part="summary" class="summary">${article.summary}</p>`
          : nothing}
        ${full && this.bodySource !== undefined ? html`<div part="body" class="body">${this.body}</div>` : nothing}
      </div>
    </article>`;
  }
}
