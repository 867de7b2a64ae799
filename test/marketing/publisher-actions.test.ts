import { expect, fixture, html } from '@open-wc/testing';
import { sampleDocument } from '../fixtures.js';
import { part, partText, setStyles, settled } from '../helpers.js';

const EVERY_DAY = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const clinic = (extra: Record<string, unknown> = {}) => ({
  ...sampleDocument().publisher,
  timeZone: 'America/Los_Angeles',
  bookingUrl: 'https://clinic.example/book',
  ...extra,
});

describe('publisher: hours and actions', function () {
  this.timeout(30000);
  const realNow = Date.now;
  afterEach(() => {
    Date.now = realNow;
  });

  it('says it is open now, and when it closes, in the clinic time zone', async () => {
    // Wednesday 15 May 2024, 10:00 in Los Angeles.
    Date.now = () => Date.parse('2024-05-15T10:00:00-07:00');
    const hours = [{ days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '09:00', closes: '17:00' }];
    const el = await fixture(html`<clinic-publisher .data=${clinic({ hours })}></clinic-publisher>`);
    await settled(el);
    expect(partText(el, 'hours-status')).to.equal('Open now');
    const reader = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const close = new Intl.DateTimeFormat('en', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: reader,
      timeZoneName: reader === 'America/Los_Angeles' ? undefined : 'short',
    }).format(Date.parse('2024-05-15T17:00:00-07:00'));
    expect(partText(el, 'hours')).to.equal(`Open now · Closes at ${close}`);
    await expect(el).to.be.accessible();
  });

  it('says it is closed on a day without hours, in Spanish too', async () => {
    // Saturday 18 May 2024, noon in Los Angeles; no hours at the weekend.
    Date.now = () => Date.parse('2024-05-18T12:00:00-07:00');
    const hours = [{ days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '09:00', closes: '17:00' }];
    const el = await fixture(html`<clinic-publisher lang="es" .data=${clinic({ hours })}></clinic-publisher>`);
    await settled(el);
    expect(partText(el, 'hours-status')).to.equal('Cerrado');
    expect(partText(el, 'hours')).to.match(/^Cerrado · Abre el lunes a las /);
  });

  it('shows no hours line without a time zone or hours', async () => {
    const el = await fixture(html`<clinic-publisher .data=${clinic({ timeZone: undefined, hours: [{ days: EVERY_DAY, opens: '00:00', closes: '24:00' }] })}></clinic-publisher>`);
    await settled(el);
    expect(part(el, 'hours')).to.equal(null);
  });

  it('shows the block without an hours line when the time zone cannot be read', async () => {
    const hours = [{ days: EVERY_DAY, opens: '00:00', closes: '24:00' }];
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await fixture(html`<clinic-publisher .data=${clinic({ timeZone: 'Mars/Olympus', hours })}></clinic-publisher>`);
      await settled(el);
      expect(el.getAttribute('status')).to.equal('ready');
      expect(part(el, 'hours')).to.equal(null);
    } finally {
      console.warn = warn;
    }
  });

  it('draws the phone and booking links as buttons of at least 44 px', async () => {
    const el = await fixture(html`<clinic-publisher .data=${clinic()} booking-label="Book a visit"></clinic-publisher>`);
    await settled(el);
    const booking = part(el, 'booking')!;
    expect(booking.textContent!.trim()).to.equal('Book a visit');
    for (const name of ['phone', 'booking']) {
      const box = part(el, name)!.getBoundingClientRect();
      expect(box.height, name).to.be.at.least(44);
      expect(box.width, name).to.be.at.least(44);
    }
    const style = getComputedStyle(booking);
    expect(style.backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(style.textDecorationLine).to.equal('none');
  });

  it('themes the buttons through tokens and parts', async () => {
    const wrapper = await fixture(html`<div><clinic-publisher .data=${clinic()}></clinic-publisher></div>`);
    setStyles(wrapper, { '--clinic-publisher-action-color': 'rgb(1, 2, 3)', '--clinic-publisher-action-radius': '0px' });
    const el = await settled(wrapper.firstElementChild!);
    const booking = getComputedStyle(part(el, 'booking')!);
    expect(booking.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(booking.borderStartStartRadius).to.equal('0px');
    expect(getComputedStyle(part(el, 'phone')!).color).to.equal('rgb(1, 2, 3)');
  });

  it('takes booking-href and makes a map link from the address with map-href="auto"', async () => {
    const el = await fixture(html`<clinic-publisher
      name="Clinic"
      address="1010 Hurley Way, Sacramento, CA"
      booking-href="https://clinic.example/appointments"
      map-href="auto"
    ></clinic-publisher>`);
    await settled(el);
    expect(part(el, 'booking')!.getAttribute('href')).to.equal('https://clinic.example/appointments');
    expect(part(el, 'map')!.getAttribute('href')).to.equal(
      'https://www.google.com/maps/search/?api=1&query=1010%20Hurley%20Way%2C%20Sacramento%2C%20CA',
    );
    expect(partText(el, 'map')).to.equal('Map and directions');
  });

  it('drops a booking URL that breaks the URL rule', async () => {
    const el = await fixture(html`<clinic-publisher name="Clinic" booking-href="javascript:alert(1)"></clinic-publisher>`);
    await settled(el);
    expect(part(el, 'booking')).to.equal(null);
  });
});
