import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { parsePublisher } from '../../data/parse.js';
import type { PostalAddress, Publisher } from '../../data/types.js';
import { telUrl } from '../../data/url.js';
import { ClinicElement, composeSection, type Fields, type SchemaOrg } from '../../internal/clinic-element.js';
import { image } from '../../internal/templates.js';
import { countryName, prepareCountryNames } from '../../internal/i18n.js';
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
 * @csspart contact - The `<p>` that holds the phone, booking and website links.
 * @csspart hours - The opening-hours line (`<p>`): open or closed now, and the next change.
 * @csspart hours-status - "Open now" or "Closed" in the hours line (`<span>`).
 * @csspart map - The map link after the address (`<a>`).
 * @csspart booking - The booking link (`<a>`), a call to action drawn as a button.
 * @csspart phone - The `tel:` link, a call to action drawn as a button (a `<span>` when the number cannot be dialled).
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
 * @cssproperty [--clinic-publisher-action-color=var(--clinic-color-accent)] - Background of the booking button, border and text of the phone button.
 * @cssproperty [--clinic-publisher-action-text=var(--clinic-color-surface)] - Text of the booking button.
 * @cssproperty [--clinic-publisher-action-radius=var(--clinic-radius, 8px)] - Corner radius of the phone and booking buttons.
 * @cssproperty [--clinic-color-open=light-dark(#17663a, #7ddc9f)] - "Open now" in the hours line.
 *
 * @cssstate loading - Content is on its way.
 * @cssstate ready - Content is shown.
 * @cssstate error - The error message is shown.
 *
 * @fires {ClinicLoadEvent} clinic-load - Content was rendered.
 * @fires {ClinicErrorEvent} clinic-error - Content could not be loaded or was invalid.
 * @fires {ClinicClickEvent} clinic-click - A reader followed the phone, booking, map or website link; `href` carries the UTM parameters.
 * @fires {ClinicImpressionEvent} clinic-impression - At least half of the block was in view for one continuous second (once per content).
 */
export class ClinicPublisher extends ClinicElement<Publisher> {
  static override styles = [hostStyles, styles];
  static override properties: PropertyDeclarations = {
    name: {},
    headline: {},
    href: {},
    phone: {},
    address: {},
    description: {},
    logo: {},
    logoAlt: { attribute: 'logo-alt' },
    bookingHref: { attribute: 'booking-href' },
    bookingLabel: { attribute: 'booking-label' },
    mapHref: { attribute: 'map-href' },
    callLabel: { attribute: 'call-label' },
    websiteLabel: { attribute: 'website-label' },
  };

  protected readonly section = 'publisher';

  /** The clinic's name. */
  declare name?: string;
  /** A line under the name, such as what the clinic does and where. */
  declare headline?: string;
  /** The clinic's website. */
  declare href?: string;
  /** Phone number as people write it; shown as a `tel:` link. */
  declare phone?: string;
  /** Postal address on one line. */
  declare address?: string;
  /** A short description. */
  declare description?: string;
  /** URL of the logo. */
  declare logo?: string;
  /** Text alternative of the logo. */
  declare logoAlt?: string;
  /** The clinic's booking page (the document's `publisher.bookingUrl`); shown as a button. */
  declare bookingHref?: string;
  /** Replaces the built-in "Book an appointment". */
  declare bookingLabel?: string;
  /**
   * A map link after the address (the document's `publisher.mapUrl`); `auto` makes one from the
   * address.
   */
  declare mapHref?: string;
  /** Replaces the built-in "Call" before the phone number. */
  declare callLabel?: string;
  /** Replaces the built-in "Visit website". */
  declare websiteLabel?: string;

  protected overrides(): Fields {
    return {
      name: this.name,
      headline: this.headline,
      url: this.href,
      phone: this.phone,
      address: this.address,
      description: this.description,
      bookingUrl: this.bookingHref,
      mapUrl: this.mapHref === 'auto' ? undefined : this.mapHref,
    };
  }

  #hoursTimer?: ReturnType<typeof setTimeout>;
  /** The opening-hours module, loaded on demand for clinics that publish hours. */
  #hours?: typeof import('../../internal/hours.js');

  protected override prepareFormats({ address }: Publisher) {
    return address && !address.line ? prepareCountryNames(address.country, this.language) : undefined;
  }

  protected override prepare(publisher: Publisher): Promise<unknown> | undefined {
    if (this.#hours || !publisher.hours?.length || !publisher.timeZone) return undefined;
    // Shown with the rest of the block, so the hours line does not push the page down later.
    return import('../../internal/hours.js').then(
      (hours) => {
        this.#hours = hours;
      },
      () => undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#hoursTimer);
  }

  protected override jsonLd(schema: SchemaOrg, publisher: Publisher) {
    const data = schema.clinicJsonLd(publisher, document.baseURI);
    return { key: `clinic ${String(data['url'] ?? '')} ${publisher.name}`, data };
  }

  /** "Open now · Closes at 5:00 PM", from the hours in the clinic's time zone; redrawn at the next change. */
  #renderHours(publisher: Publisher): TemplateResult | typeof nothing {
    clearTimeout(this.#hoursTimer);
    if (!publisher.hours?.length || !publisher.timeZone || !this.#hours) return nothing;
    const now = Date.now();
    let text;
    try {
      text = this.#hours.hoursText(publisher.hours, publisher.timeZone, now, this.language, this.#hours.readerTimeZone());
    } catch {
      return nothing;
    }
    if (!text) return nothing;
    // The line changes at the next opening or closing (at most a week ahead): draw it again then.
    if (text.next !== undefined) {
      this.#hoursTimer = setTimeout(() => this.requestUpdate(), Math.max(0, text.next - now) + 1000);
    }
    return html`<p part="hours" class="hours">
      <span part="hours-status" class="status ${text.open ? 'open' : 'closed'}">${text.status}</span>${text.change
        ? html`<span aria-hidden="true"> · </span>${text.change}`
        : nothing}
    </p>`;
  }

  /** The map link: the given one, or with `map-href="auto"` a map search for the address. */
  #mapLink(publisher: Publisher): string | undefined {
    if (this.mapHref !== 'auto') return publisher.mapUrl;
    const a = publisher.address;
    const query = a && (a.line ?? [a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', '));
    return query ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}` : undefined;
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
        <span class="phone action">${boneOf(`${labels.call} ${'0'.repeat(TYPICAL.phone)}`)}</span>
        <span class="website">${boneOf(labels.visitWebsite)}</span>
      </p>
    </div>`;
  }


  #renderAddress(address: PostalAddress | undefined): TemplateResult | typeof nothing {
    if (!address) return nothing;
    // <bdi>: a Latin address or number keeps its own order on a right-to-left page, and vice versa.
    if (address.line) return html`<address part="address" class="address"><bdi>${address.line}</bdi></address>`;
    const locality = [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
    const lines = [address.street, locality, address.country && this.#countryName(address.country)].filter(Boolean);
    return html`<address part="address" class="address">
      ${lines.map((line, i) => html`${i ? html`<br />` : nothing}<bdi>${line}</bdi>`)}
    </address>`;
  }

  #countryName(code: string): string | undefined {
    return countryName(code, this.language);
  }

  protected override labelOverrides() {
    return { call: this.callLabel, visitWebsite: this.websiteLabel, book: this.bookingLabel };
  }

  protected renderContent(publisher: Publisher): TemplateResult {
    const tel = publisher.phone ? telUrl(publisher.phone) : undefined;
    const labels = this.labels;
    const map = this.#mapLink(publisher);
    const booking = this.tagged(publisher.bookingUrl);
    return html`<section part="block" class="block" aria-label=${publisher.name}>
      ${image(publisher.logo, 'logo')}
      <p part="name" class="name">${publisher.name}</p>
      ${publisher.headline ? html`<p part="headline" class="headline">${publisher.headline}</p>` : nothing}
      ${publisher.description
        ? html`<p part="description" class="description">${publisher.description}</p>`
        : nothing}
      ${this.#renderAddress(publisher.address)}
      ${map ? html`<a part="map" class="map" href=${map}>${labels.map}</a>` : nothing}
      ${this.#renderHours(publisher)}
      ${publisher.phone || publisher.url || booking
        ? html`<p part="contact" class="contact">
            ${booking ? html`<a part="booking" class="booking action" href=${booking}>${labels.book}</a>` : nothing}
            ${tel
              ? html`<a part="phone" class="phone action" href=${tel}
                  ><span part="phone-label" class="label">${labels.call}</span> <bdi>${publisher.phone}</bdi></a
                >`
              : publisher.phone
                ? html`<span part="phone" class="phone">${publisher.phone}</span>`
                : nothing}
            ${publisher.url
              ? html`<a part="website" class="website" href=${this.tagged(publisher.url)!}>${labels.visitWebsite}</a>`
              : nothing}
          </p>`
        : nothing}
    </section>`;
  }
}
