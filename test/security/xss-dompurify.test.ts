import { xssSuite } from './xss-suite.js';
import { VECTORS } from './vectors.js';

xssSuite(
  'XSS vectors from DOMPurify\u2019s test fixtures, through every field and attribute',
  VECTORS.filter((vector) => vector.id.startsWith('purify-')),
);
