import { expect } from '@open-wc/testing';
import { VECTORS } from './vectors.js';

describe('the XSS vector list', () => {
  it('holds at least 80 vectors, each with a unique id and a public source', () => {
    expect(VECTORS.length).to.be.at.least(80);
    expect(new Set(VECTORS.map((vector) => vector.id)).size).to.equal(VECTORS.length);
    for (const vector of VECTORS) {
      expect(vector.id, vector.id).to.match(/^(owasp|purify|marked)-\d{2}$/);
      expect(vector.source, vector.id).to.match(/^(OWASP XSS Filter Evasion Cheat Sheet|DOMPurify fixtures|marked): ./);
      expect(vector.payload, vector.id).to.not.match(/\{(img|host)\}/);
    }
  });

  it('draws on all three sources', () => {
    const counts = { owasp: 0, purify: 0, marked: 0 };
    for (const vector of VECTORS) counts[vector.id.split('-')[0] as keyof typeof counts]++;
    expect(counts.owasp).to.be.at.least(40);
    expect(counts.purify).to.be.at.least(40);
    expect(counts.marked).to.be.at.least(15);
  });
});
