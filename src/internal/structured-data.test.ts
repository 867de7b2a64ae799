import { expect } from '@open-wc/testing';
import { describe as describeJsonLd } from './structured-data.js';

const violations: SecurityPolicyViolationEvent[] = [];
const record = (event: SecurityPolicyViolationEvent) => violations.push(event);

function host(): HTMLElement {
  const el = document.createElement('div');
  el.className = 'json-ld-host';
  document.body.append(el);
  return el;
}
const scripts = () => [...document.querySelectorAll('script[type="application/ld+json"]')];
const entry = (key: string, value: unknown) => ({ key, text: JSON.stringify(value) });

describe('structured data writer', () => {
  beforeEach(() => {
    violations.length = 0;
    document.addEventListener('securitypolicyviolation', record);
  });
  afterEach(() => {
    document.removeEventListener('securitypolicyviolation', record);
    document.querySelectorAll('.json-ld-host').forEach((el) => {
      describeJsonLd(el, undefined);
      el.remove();
    });
  });

  it('writes one ld+json script in the light DOM, updates it and removes it', () => {
    const el = host();
    describeJsonLd(el, entry('a', { headline: 'One' }));
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(el.querySelector('script')!.textContent!)).to.deep.equal({ headline: 'One' });
    describeJsonLd(el, entry('a', { headline: 'Two' }));
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(el.querySelector('script')!.textContent!)).to.deep.equal({ headline: 'Two' });
    describeJsonLd(el, undefined);
    expect(el.querySelectorAll('script').length).to.equal(0);
    expect(violations.map((v) => v.violatedDirective)).to.deep.equal([]);
  });

  it('writes the same thing once for two elements; the other takes over when the first goes', () => {
    const first = host();
    const second = host();
    describeJsonLd(first, entry('article https://clinic.example/a/', { headline: 'A' }));
    describeJsonLd(second, entry('article https://clinic.example/a/', { headline: 'A' }));
    expect(scripts().length).to.equal(1);
    expect(first.querySelector('script')).to.not.equal(null);
    describeJsonLd(first, undefined);
    expect(scripts().length).to.equal(1);
    expect(second.querySelector('script')).to.not.equal(null);
    describeJsonLd(second, entry('article https://clinic.example/b/', { headline: 'B' }));
    expect(scripts().length).to.equal(1);
  });

  it('writes nothing but JSON', () => {
    const el = host();
    describeJsonLd(el, { key: 'x', text: 'alert(1)' });
    expect(el.querySelector('script')?.textContent ?? '').to.equal('');
  });
});
