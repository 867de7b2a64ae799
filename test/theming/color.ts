/** Colour arithmetic for the contrast checks: WCAG 2 relative luminance and contrast ratio. */

export type RGBA = [number, number, number, number];

/** Parses a computed colour (`rgb(…)`, `rgba(…)` or `color(srgb …)`). */
export function parseColor(value: string): RGBA {
  const srgb = value.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)$/);
  if (srgb) return [+srgb[1]! * 255, +srgb[2]! * 255, +srgb[3]! * 255, srgb[4] === undefined ? 1 : +srgb[4]];
  const rgb = value.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)$/);
  if (!rgb) throw new Error(`cannot read the colour ${value}`);
  return [+rgb[1]!, +rgb[2]!, +rgb[3]!, rgb[4] === undefined ? 1 : +rgb[4]];
}

/** `top` painted over the opaque `bottom`. */
export function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as RGBA;
}

function luminance([r, g, b]: RGBA): number {
  const [R, G, B] = [r, g, b].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}

/** The WCAG contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The parent in the flat tree, stepping out of shadow roots and out of slots. */
function parentOf(element: Element): Element | null {
  return element.assignedSlot ?? element.parentElement ?? ((element.getRootNode() as Partial<ShadowRoot>).host ?? null);
}

/** The colour painted behind an element: its and its ancestors' backgrounds, over white. */
export function backgroundOf(element: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

export interface TextContrast {
  text: string;
  /** The part (or, failing that, the tag) that holds the text. */
  where: string;
  ratio: number;
  /** Large text (24px, or 18.66px bold) needs 3:1 instead of 4.5:1. */
  large: boolean;
}

/** Every visible run of text in an element's shadow root, with the contrast it is drawn at. */
export function textContrasts(host: Element): TextContrast[] {
  const root = host.shadowRoot!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const results: TextContrast[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('.visually-hidden')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) continue;
    const style = getComputedStyle(parent);
    if (style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
    const background = backgroundOf(parent);
    const color = over(parseColor(style.color), background);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const where = parent.closest('[part]')?.getAttribute('part') ?? parent.localName;
    results.push({ text, where, ratio: contrast(color, background), large: size >= 24 || (bold && size >= 18.66) });
  }
  return results;
}
