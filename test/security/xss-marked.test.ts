import { xssSuite } from './xss-suite.js';
import { VECTORS } from './vectors.js';

xssSuite(
  'XSS vectors from marked\u2019s reports and advisories, through every field and attribute',
  VECTORS.filter((vector) => vector.id.startsWith('marked-')),
);
