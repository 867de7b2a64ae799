// Build-time plugin: collapses the white space inside Lit's html`` and css`` templates, which the
// JavaScript minifier leaves alone. Any run of white space that contains a line break becomes one
// space (HTML and CSS treat the two alike; the templates hold no <pre>), and CSS loses the spaces
// around its punctuation. Expressions inside ${…} are copied untouched, nested templates included.

const TAGS = /\b(html|css)`/g;

function collapse(text, kind) {
  if (!kind) return text;
  let out = text.replace(/\s*\n\s*/g, ' ');
  if (kind === 'css') {
    out = out.replace(/\/\*[\s\S]*?\*\//g, '');
    out = out.replace(/\s*([{};,>])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}');
  }
  return out;
}

// Returns the index just past the template literal that starts at `start` (after the backtick),
// and pushes its pieces to `parts`; an untagged template (`kind` null) is copied as it is.
function template(src, start, kind, parts) {
  let i = start;
  let chunk = '';
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      chunk += c + src[i + 1];
      i += 2;
    } else if (c === '`') {
      parts.push(collapse(chunk, kind), '`');
      return i + 1;
    } else if (c === '$' && src[i + 1] === '{') {
      parts.push(collapse(chunk, kind), '${');
      chunk = '';
      i = expression(src, i + 2, parts);
    } else {
      chunk += c;
      i++;
    }
  }
  throw new Error('unterminated template');
}

// Copies a ${…} expression (which may hold strings and templates) and returns the index past `}`.
function expression(src, start, parts) {
  let depth = 0;
  let i = start;
  let chunk = '';
  while (i < src.length) {
    const c = src[i];
    if (c === "'" || c === '"') {
      const end = stringEnd(src, i, c);
      chunk += src.slice(i, end);
      i = end;
    } else if (c === '`') {
      const tag = /\b(html|css)$/.exec(chunk)?.[1];
      parts.push(chunk, '`');
      chunk = '';
      i = template(src, i + 1, tag ?? null, parts);
    } else if (c === '{') {
      depth++;
      chunk += c;
      i++;
    } else if (c === '}') {
      if (depth === 0) {
        parts.push(chunk, '}');
        return i + 1;
      }
      depth--;
      chunk += c;
      i++;
    } else {
      chunk += c;
      i++;
    }
  }
  throw new Error('unterminated expression');
}

function stringEnd(src, i, quote) {
  for (let j = i + 1; j < src.length; j++) {
    if (src[j] === '\\') j++;
    else if (src[j] === quote) return j + 1;
  }
  return src.length;
}

export function minifyTemplates(source) {
  const parts = [];
  let last = 0;
  TAGS.lastIndex = 0;
  for (let match; (match = TAGS.exec(source)); ) {
    parts.push(source.slice(last, match.index + match[0].length));
    last = template(source, match.index + match[0].length, match[1], parts);
    TAGS.lastIndex = last;
  }
  parts.push(source.slice(last));
  return parts.join('');
}

/** Vite plugin: applies minifyTemplates to the project's own TypeScript in production builds. */
export default function minifyTemplatesPlugin() {
  return {
    name: 'clinic-minify-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
    },
  };
}
