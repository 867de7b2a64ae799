import { expect } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { StructuredDataController } from './structured-data-controller.js';

class JsonLdHost extends ReactiveElement {
  readonly structured = new StructuredDataController(this);
}
customElements.define('json-ld-host', JsonLdHost);

const violations: SecurityPolicyViolationEvent[] = [];
const record = (event: SecurityPolicyViolationEvent) => violations.push(event);

function host(): JsonLdHost {
  const el = document.createElement('json-ld-host') as JsonLdHost;
  document.body.append(el);
  return el;
}
const scripts = () => [...document.querySelectorAll('script[type="application/ld+json"]')];
const entry = (key: string, value: unknown) => ({ key, text: JSON.stringify(value) });

describe('StructuredDataController', () => {
  beforeEach(() => {
    violations.length = 0;
    document.addEventListener('securitypolicyviolation', record);
  });
  afterEach(() => {
    document.removeEventListener('securitypolicyviolation', record);
    document.querySelectorAll('json-ld-host').forEach((el) => el.remove());
  });

  it('writes one ld+json script in the light DOM, updates it and removes it', () => {
    const el = host();
    el.structured.set(entry('a', { headline: 'One' }));
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(el.querySelector('script')!.textContent!)).to.deep.equal({ headline: 'One' });
    el.structured.set(entry('a', { headline: 'Two' }));
    expect(el.querySelectorAll('script').length).to.equal(1);
    expect(JSON.parse(el.querySelector('script')!.textContent!)).to.deep.equal({ headline: 'Two' });
    el.structured.set(undefined);
    expect(el.querySelectorAll('script').length).to.equal(0);
    expect(violations.map((v) => v.violatedDirective)).to.deep.equal([]);
  });

  it('is removed with the element and written again when it comes back', () => {
    const el = host();
    el.structured.set(entry('a', { headline: 'One' }));
    el.remove();
    expect(el.querySelectorAll('script').length).to.equal(0);
    document.body.append(el);
    expect(el.querySelectorAll('script').length).to.equal(1);
  });

  it('writes the same thing once for two elements; the other takes over when the first goes', () => {
    const first = host();
    const second = host();
    first.structured.set(entry('article:https://clinic.example/a/', { headline: 'A' }));
    second.structured.set(entry('article:https://clinic.example/a/', { headline: 'A' }));
    expect(scripts().length).to.equal(1);
    expect(first.querySelector('script')).to.not.equal(null);
    first.remove();
    expect(scripts().length).to.equal(1);
    expect(second.querySelector('script')).to.not.equal(null);
    second.structured.set(entry('article:https://clinic.example/b/', { headline: 'B' }));
    expect(scripts().length).to.equal(1);
  });

  it('writes nothing but JSON', () => {
    const el = host();
    el.structured.set({ key: 'x', text: 'alert(1)' });
    expect(el.querySelector('script')?.textContent ?? '').to.equal('');
  });
});
