import { xssSuite } from './xss-suite.js';
import { VECTORS } from './vectors.js';

xssSuite(
  'XSS vectors from the OWASP XSS Filter Evasion Cheat Sheet, through every field and attribute',
  VECTORS.filter((vector) => vector.id.startsWith('owasp-')),
);
