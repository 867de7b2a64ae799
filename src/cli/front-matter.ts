import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import { BuildError } from './errors.js';

/** A YAML source with what is needed to name the line of any value in it. */
export interface Yaml {
  value: unknown;
  /** The 1-based line of the file where the value at `path` starts (the key's line for a field). */
  lineOf(path: (string | number)[]): number | undefined;
}

/**
 * Parses YAML text that starts at line `firstLine` of `file` (2 for front matter after `---`).
 * Throws a BuildError naming the file and line of the first syntax error.
 */
export function parseYaml(text: string, file: string, firstLine = 1): Yaml {
  const counter = new LineCounter();
  // The core schema: `2024-05-01` stays a string, `yes` stays a string; only true/false are booleans.
  const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const line = counter.linePos(error.pos[0]).line;
    throw new BuildError(file, `invalid YAML: ${error.message.split('\n')[0]}`, line + firstLine - 1);
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    lineOf(path) {
      let node: unknown = doc.contents;
      let offset: number | undefined = (doc.contents as Node | null)?.range?.[0];
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
          if (!pair) break;
          offset = (pair.key as Node).range?.[0];
          node = pair.value;
        } else if (node && typeof node === 'object' && 'items' in node && typeof key === 'number') {
          const item = (node as { items: unknown[] }).items[key] as Node | undefined;
          if (!item) break;
          offset = item.range?.[0];
          node = item;
        } else {
          break;
        }
      }
      return offset === undefined ? undefined : counter.linePos(offset).line + firstLine - 1;
    },
  };
}

/** A Markdown file split into its YAML front matter and its body. */
export interface MarkdownFile {
  data: Yaml;
  body: string;
}

/**
 * Splits `---\nYAML\n---\nbody`. A file without front matter is an error (a post needs a title);
 * so is front matter that is not a mapping.
 */
export function splitFrontMatter(text: string, file: string): MarkdownFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  if (lines[0]?.trimEnd() !== '---') throw new BuildError(file, 'no front matter: the file must start with a line "---"', 1);
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (close === -1) throw new BuildError(file, 'front matter is not closed: no line "---" after it', 1);
  const data = parseYaml(lines.slice(1, close).join('\n'), file, 2);
  if (data.value === null || typeof data.value !== 'object' || Array.isArray(data.value)) {
    throw new BuildError(file, 'front matter must be a mapping of fields (key: value)', 2);
  }
  const body = lines.slice(close + 1).join('\n').replace(/^\n+/, '').trimEnd();
  return { data, body: body ? `${body}\n` : '' };
}
