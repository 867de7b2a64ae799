import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { parsePublisher } from '../../data/parse.js';
import type { PostalAddress, Publisher } from '../../data/types.js';
import { telUrl } from '../../data/url.js';
import { ClinicElement, composeSection, type Fields } from '../../internal/clinic-element.js';
import { image } from '../../internal/templates.js';
import { countryName } from '../../internal/i18n.js';
import { bone, boneOf, TYPICAL } from '../../internal/skeleton.js';
import { hostStyles } from '../../styles/host.styles.js';
import { styles } from './publisher.styles.js';

/**
 * The clinic behind the content: logo, name, headline, description, postal address, phone and
 * website.
 *
 * @summary Shows the publishing clinic.
 * @tag clinic-publisher
 *
 * @slot - Fallback content, shown until data arrives (and when scripts do not run).
 * @slot error - Replaces the default error message.
 *
 * @csspart block - The `<section>` that holds everything.
 * @csspart logo - The logo `<img>`.
 * @csspart name - The clinic's name.
 * @csspart headline - The line under the name.
 * @csspart description - The description paragraph.
 * @csspart address - The `<address>`.
 * @csspart contact - The `<p>` that holds the phone and website links.
 * @csspart phone - The `tel:` link (a `<span>` when the number cannot be dialled).
 * @csspart phone-label - The "Call" before the number (`<span>`).
 * @csspart website - The website link.
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
 * @cssproperty [--clinic-publisher-radius=var(--clinic-radius, 8px)] - Corner radius of the block.
 * @cssproperty [--clinic-publisher-padding=var(--clinic-spacing, 1em)] - Inner spacing of the block.
 * @cssproperty [--clinic-publisher-logo-size=3.5em] - Height of the logo.
 * @cssproperty [--clinic-publisher-name-size=1.125em] - Font size of the name.
 *
 * @cssstate loading - Content is on its way.
 * @cssstate ready - Content is shown.
 * @cssstate error - The error message is shown.
 *
 * @fires {ClinicLoadEvent} clinic-load - Content was rendered.
 * @fires {ClinicErrorEvent} clinic-error - Content could not be loaded or was invalid.
 * @fires {ClinicClickEvent} clinic-click - A reader followed the phone or website link.
 */
export class ClinicPublisher extends ClinicElement<Publisher> {
  static override styles = [hostStyles, styles];

  protected readonly section = 'publisher';

  /** The clinic's name. */
  @property() name?: string;
  /** A line under the name, such as what the clinic does and where. */
  @property() headline?: string;
  /** The clinic's website. */
  @property() href?: string;
  /** Phone number as people write it; shown as a `tel:` link. */
  @property() phone?: string;
  /** Postal address on one line. */
  @property() address?: string;
  /** A short description. */
  @property() description?: string;
  /** URL of the logo. */
  @property() logo?: string;
  /** Text alternative of the logo. */
  @property({ attribute: 'logo-alt' }) logoAlt?: string;
  /** Replaces the built-in "Call" before the phone number. */
  @property({ attribute: 'call-label' }) callLabel?: string;
  /** Replaces the built-in "Visit website". */
  @property({ attribute: 'website-label' }) websiteLabel?: string;

  protected overrides(): Fields {
    return {
      name: this.name,
      headline: this.headline,
      url: this.href,
      phone: this.phone,
      address: this.address,
      description: this.description,
    };
  }

  protected compose(section: unknown, overrides: Fields): Publisher {
    return composeSection(parsePublisher, section, overrides, { field: 'logo', src: this.logo, alt: this.logoAlt });
  }

  protected renderSkeleton(): TemplateResult {
    // The block's own boxes and classes, with placeholder text of typical length: logo, name,
    // headline, description, a three-line address and the contact line.
    const labels = this.labels;
    return html`<div class="block" aria-hidden="true">
      <span class="logo bone-box"></span>
      <p class="name">${bone(TYPICAL.name)}</p>
      <p class="headline">${bone(TYPICAL.headline)}</p>
      <p class="description">${bone(TYPICAL.description)}</p>
      <p class="address">${bone(TYPICAL.street)}<br />${bone(TYPICAL.locality)}<br />${bone(TYPICAL.country)}</p>
      <p class="contact">
        <span class="phone">${boneOf(`${labels.call} ${'0'.repeat(TYPICAL.phone)}`)}</span>
        <span class="website">${boneOf(labels.visitWebsite)}</span>
      </p>
    </div>`;
  }


  private renderAddress(address: PostalAddress | undefined): TemplateResult | typeof nothing {
    if (!address) return nothing;
    // <bdi>: a Latin address or number keeps its own order on a right-to-left page, and vice versa.
    if (address.line) return html`<address part="address" class="address"><bdi>${address.line}</bdi></address>`;
    const locality = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
    const lines = [address.street, locality, address.country && this.countryName(address.country)].filter(Boolean);
    return html`<address part="address" class="address">
      ${lines.map((line, i) => html`${i ? html`<br />` : nothing}<bdi>${line}</bdi>`)}
    </address>`;
  }

  private countryName(code: string): string | undefined {
    return countryName(code, this.language);
  }

  protected override labelOverrides() {
    return { call: this.callLabel, visitWebsite: this.websiteLabel };
  }

  protected renderContent(publisher: Publisher): TemplateResult {
    const tel = publisher.phone ? telUrl(publisher.phone) : undefined;
    const labels = this.labels;
    return html`<section part="block" class="block" aria-label=${publisher.name}>
      ${image(publisher.logo, 'logo')}
      <p part="name" class="name">${publisher.name}</p>
      ${publisher.headline ? html`<p part="headline" class="headline">${publisher.headline}</p>` : nothing}
      ${publisher.description
        ? html`<p part="description" class="description">${publisher.description}</p>`
        : nothing}
      ${this.renderAddress(publisher.address)}
      ${publisher.phone || publisher.url
        ? html`<p part="contact" class="contact">
            ${tel
              ? html`<a part="phone" class="phone" href=${tel}
                  ><span part="phone-label" class="label">${labels.call}</span> <bdi>${publisher.phone}</bdi></a
                >`
              : publisher.phone
                ? html`<span part="phone" class="phone">${publisher.phone}</span>`
                : nothing}
            ${publisher.url
              ? html`<a part="website" class="website" href=${publisher.url}>${labels.visitWebsite}</a>`
              : nothing}
          </p>`
        : nothing}
    </section>`;
  }
}
