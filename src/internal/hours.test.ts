import { expect } from '@open-wc/testing';
import { hoursText, openState, readerTimeZone, type OpeningHours } from './hours.js';

const LA = 'America/Los_Angeles';
const NY = 'America/New_York';
const WEEKDAYS: OpeningHours[] = [{ days: ['Mo', 'Tu', 'We', 'Th', 'Fr'], opens: '09:00', closes: '17:00' }];
const NIGHTS: OpeningHours[] = [
  { days: ['Fr', 'Sa'], opens: '18:00', closes: '02:00' },
  { days: ['Su'], opens: '22:00', closes: '03:00' },
];
/** An instant given as Los Angeles wall time in May 2024 (PDT, UTC-7). 2024-05-13 is a Monday. */
const la = (day: number, time: string) => Date.parse(`2024-05-${String(day).padStart(2, '0')}T${time}:00-07:00`);
const text = (hours: OpeningHours[], now: number, lang = 'en-US', reader = LA) => {
  const result = hoursText(hours, LA, now, lang, reader);
  return result && `${result.status} · ${result.change}`;
};

describe('hours (open now, next change)', () => {
  it('is open during the hours and says when it closes', () => {
    expect(openState(WEEKDAYS, LA, la(15, '10:00'))).to.deep.equal({ open: true, next: la(15, '17:00') });
    expect(text(WEEKDAYS, la(15, '10:00'))).to.equal('Open now · Closes at 5:00 PM');
  });

  it('opens at the opening minute and closes at the closing one', () => {
    expect(openState(WEEKDAYS, LA, la(15, '09:00'))!.open).to.equal(true);
    expect(openState(WEEKDAYS, LA, la(15, '08:59'))!.open).to.equal(false);
    expect(openState(WEEKDAYS, LA, la(15, '17:00'))!.open).to.equal(false);
  });

  it('says when it opens next: later today, tomorrow, or on a weekday after days without hours', () => {
    expect(text(WEEKDAYS, la(15, '07:30'))).to.equal('Closed · Opens at 9:00 AM');
    expect(text(WEEKDAYS, la(15, '18:00'))).to.equal('Closed · Opens tomorrow at 9:00 AM');
    // Friday evening: Saturday and Sunday have no hours.
    expect(text(WEEKDAYS, la(17, '18:00'))).to.equal('Closed · Opens Monday at 9:00 AM');
    expect(openState(WEEKDAYS, LA, la(18, '12:00'))).to.deep.equal({ open: false, next: la(20, '09:00') });
  });

  it('keeps hours that span midnight open past it, also across the end of the week', () => {
    // Saturday 01:00 is still Friday night.
    expect(text(NIGHTS, la(18, '01:00'))).to.equal('Open now · Closes at 2:00 AM');
    expect(text(NIGHTS, la(18, '02:00'))).to.equal('Closed · Opens at 6:00 PM');
    expect(text(NIGHTS, la(17, '23:59'))).to.equal('Open now · Closes tomorrow at 2:00 AM');
    // Monday 01:00 is still Sunday night (the week wraps).
    expect(openState(NIGHTS, LA, la(13, '01:00'))).to.deep.equal({ open: true, next: la(13, '03:00') });
    expect(text(NIGHTS, la(13, '04:00'))).to.equal('Closed · Opens Friday at 6:00 PM');
  });

  it('closing at 24:00 is tonight at midnight, not tomorrow', () => {
    const late: OpeningHours[] = [{ days: ['Mo'], opens: '20:00', closes: '24:00' }];
    expect(text(late, la(13, '21:00'))).to.equal('Open now · Closes at 12:00 AM');
  });

  it('is computed in the clinic time zone and shown on the reader clock, with the zone', () => {
    // 07:30 in Los Angeles is 10:30 in New York: the clinic is closed, whatever the reader's clock says.
    expect(text(WEEKDAYS, la(15, '07:30'), 'en-US', NY)).to.equal('Closed · Opens at 12:00 PM EDT');
    expect(text(WEEKDAYS, la(15, '10:00'), 'en-US', NY)).to.equal('Open now · Closes at 8:00 PM EDT');
    // 07:30 on Wednesday in Los Angeles is 23:30 in Tokyo: the opening is "tomorrow" there.
    expect(text(WEEKDAYS, la(15, '07:30'), 'en-US', 'Asia/Tokyo')).to.equal('Closed · Opens tomorrow at 1:00 AM GMT+9');
  });

  it('speaks the reader language and its clock', () => {
    expect(text(WEEKDAYS, la(15, '18:00'), 'es')).to.equal('Cerrado · Abre mañana a las 9:00');
    expect(text(WEEKDAYS, la(17, '18:00'), 'es')).to.equal('Cerrado · Abre el lunes a las 9:00');
    expect(text(WEEKDAYS, la(15, '10:00'), 'en-GB')).to.equal('Open now · Closes at 17:00');
  });

  it('counts across a daylight-saving change', () => {
    // Saturday 9 March 2024, 20:00 PST; clocks go forward on Sunday; Monday 09:00 PDT is 16:00 UTC.
    const now = Date.parse('2024-03-09T20:00:00-08:00');
    expect(openState(WEEKDAYS, LA, now)).to.deep.equal({ open: false, next: Date.parse('2024-03-11T16:00:00Z') });
  });

  it('has no next change when always open, and nothing to say without valid hours', () => {
    const always: OpeningHours[] = [{ days: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], opens: '00:00', closes: '24:00' }];
    expect(openState(always, LA, la(15, '03:00'))).to.deep.equal({ open: true });
    expect(text(always, la(15, '03:00'))).to.equal('Open now · ');
    expect(openState([], LA, la(15, '10:00'))).to.equal(undefined);
    expect(openState([{ days: ['Xx'], opens: '9', closes: '25:00' }], LA, la(15, '10:00'))).to.equal(undefined);
  });

  it('throws a RangeError for an unknown time zone', () => {
    expect(() => openState(WEEKDAYS, 'Mars/Olympus', la(15, '10:00'))).to.throw(RangeError);
  });
});

describe('readerTimeZone()', () => {
  it('is the reader’s time zone, read with one Intl object per page however often it is asked', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    // Counts the formats made while it is asked three times.
    Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Real>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    let zones: string[];
    try {
      zones = [readerTimeZone(), readerTimeZone(), readerTimeZone()];
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(zones).to.deep.equal(Array(3).fill(new Real().resolvedOptions().timeZone));
    expect(made).to.be.at.most(1);
  });
});
