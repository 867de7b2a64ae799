/** Reads the rules of an element's `styles` array through the CSSOM, as the browser parsed them. */
import type { CSSResultOrNative } from 'lit';

export interface Declaration {
  /** The selector (or keyframe) of the rule that holds it, with its at-rule conditions before it. */
  where: string;
  selector: string;
  property: string;
  value: string;
}

function sheetOf(style: CSSResultOrNative): CSSStyleSheet {
  if (style instanceof CSSStyleSheet) return style;
  const sheet = style.styleSheet;
  if (sheet) return sheet;
  const fresh = new CSSStyleSheet();
  fresh.replaceSync(style.cssText);
  return fresh;
}

/** `a: b; c: d` into [property, value] pairs, minding quotes and parentheses. */
function split(block: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  const push = (end: number) => {
    const text = block.slice(start, end).trim();
    const colon = text.indexOf(':');
    if (colon > 0) pairs.push([text.slice(0, colon).trim(), text.slice(colon + 1).replace(/\s*!important$/, '').trim()]);
    start = end + 1;
  };
  for (let i = 0; i < block.length; i++) {
    const c = block[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ';' && depth === 0) push(i);
  }
  push(block.length);
  return pairs;
}

function* walk(rules: CSSRuleList, context: string): Generator<Declaration> {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule || rule instanceof CSSKeyframeRule) {
      const selector = rule instanceof CSSStyleRule ? rule.selectorText : rule.keyText;
      // The serialized block keeps shorthands and var() as written; style[i] would list longhands.
      for (const [property, value] of split(rule.style.cssText)) {
        yield { where: `${context}${selector}`, selector, property, value };
      }
      if (rule instanceof CSSStyleRule && rule.cssRules?.length) yield* walk(rule.cssRules, `${context}${selector} `);
    } else if (rule instanceof CSSKeyframesRule) {
      yield* walk(rule.cssRules, `${context}@keyframes ${rule.name} `);
    } else if ('cssRules' in rule) {
      const condition = rule.cssText.slice(0, rule.cssText.indexOf('{')).trim();
      yield* walk((rule as CSSGroupingRule).cssRules, `${context}${condition} `);
    }
  }
}

/** Every declaration in a styles array, custom properties included. */
export function declarations(styles: CSSResultOrNative[]): Declaration[] {
  return styles.flatMap((style) => [...walk(sheetOf(style).cssRules, '')]);
}

/** The names of the `var(--prefix…)` references in a value. */
export function references(value: string, prefix: string): string[] {
  const names: string[] = [];
  const pattern = new RegExp(`var\\(\\s*(${prefix}[\\w-]*)`, 'g');
  for (const match of value.matchAll(pattern)) names.push(match[1]!);
  return names;
}

/** Whether a selector list is only `:host` and `:host(…)` selectors. */
export function onHost(selector: string): boolean {
  return selector.split(',').every((part) => /^:host(\(.*\))?$/.test(part.trim()));
}
