// The embed builder: a form, a live preview built from the same attributes as the embed code, and
// the code itself. No HTML is built from strings in the page: the preview is made with
// createElement/setAttribute and the code is text.
const $ = (id) => document.getElementById(id);
const form = $('builder');
const preview = $('preview');
const code = document.querySelector('[data-embed-code]');

/** The classic script the code loads: the one this page loads (dist/ beside the demo). */
const SCRIPT_URL = new URL('../dist/clinic-widgets.iife.js', location.href).href;
const DEFAULT_SOURCE = new URL('./data/ketamine-infusion-therapy.json', location.href).href;

/** What the loaded address holds: its articles, and whether it has a clinic and related posts. */
let source;

function say(element, text) {
  element.textContent = text;
}

/** A version 1 document, or a JSON Feed (an article per item, chosen with the card's `item`). */
function describeSource(json) {
  if (json && typeof json === 'object' && Array.isArray(json.items)) {
    const articles = json.items
      .filter((item) => item && typeof item === 'object' && (typeof item.id === 'string' || typeof item.url === 'string'))
      .map((item) => ({
        key: typeof item.id === 'string' ? item.id : item.url,
        title: typeof item.title === 'string' && item.title ? item.title : String(item.id ?? item.url),
        image: typeof item.image === 'string' || typeof item.banner_image === 'string',
      }));
    return { feed: true, articles, publisher: false, related: articles.length > 0 };
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const article = json.article && typeof json.article === 'object' ? json.article : undefined;
    return {
      feed: false,
      articles: article ? [{ key: '', title: String(article.title ?? 'Untitled'), image: Boolean(article.image) }] : [],
      publisher: Boolean(json.publisher && typeof json.publisher === 'object'),
      related: Array.isArray(json.related),
    };
  }
  throw new Error('it is neither a content document nor a JSON Feed');
}

async function load() {
  const address = $('source').value.trim();
  source = undefined;
  say($('source-status'), 'Loading…');
  try {
    const url = new URL(address, location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('the address must start with http:// or https://');
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    source = { url: url.href, ...describeSource(await response.json()) };
    const count = source.articles.length;
    say($('source-status'), `Loaded: ${count} article${count === 1 ? '' : 's'}${source.publisher ? ', clinic details' : ''}${source.related ? ', related posts' : ''}.`);
  } catch (error) {
    say($('source-status'), `This address could not be used: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const select = $('item');
  select.replaceChildren(
    ...(source?.articles ?? []).map((article) => {
      const option = document.createElement('option');
      option.value = article.key;
      option.textContent = article.title;
      return option;
    }),
  );
  select.disabled = !source || source.articles.length < 2;
  $('show-publisher').disabled = Boolean(source && !source.publisher);
  update();
}

const value = (name) => form.elements.namedItem(name).value.trim();
const checked = (name) => form.elements.namedItem(name).checked;

/** The elements to embed, each as a tag and its attributes in order (true: a boolean attribute). */
export function widgets() {
  if (!source) return [];
  const common = [['src', source.url]];
  if (value('theme') !== 'auto') common.push(['theme', value('theme')]);
  if (value('lang')) common.push(['lang', value('lang')]);
  if (value('utm-source')) {
    common.push(['utm-source', value('utm-source')]);
    if (value('utm-medium')) common.push(['utm-medium', value('utm-medium')]);
    if (value('utm-campaign')) common.push(['utm-campaign', value('utm-campaign')]);
  }
  if (checked('structured-data')) common.push(['structured-data', true]);

  const list = [];
  const article = source.articles.find((entry) => entry.key === $('item').value) ?? source.articles[0];
  if (checked('card') && article) {
    const card = [...common];
    if (source.feed) card.push(['item', article.key]);
    if (value('variant') === 'full') card.push(['variant', 'full']);
    if (value('card-layout') === 'horizontal') card.push(['layout', 'horizontal']);
    // Without an image, the loading placeholder keeps no image box: nothing moves when it loads.
    if (!article.image) card.push(['no-image', true]);
    list.push(['clinic-article-card', card]);
  }
  if (checked('publisher') && source.publisher) list.push(['clinic-publisher', [...common]]);
  if (checked('related') && source.related) {
    const related = [...common];
    const limit = Number(value('limit'));
    if (value('limit') !== '' && Number.isInteger(limit) && limit >= 0) related.push(['limit', String(Math.min(limit, 50))]);
    if (value('related-layout') !== 'list') related.push(['layout', value('related-layout')]);
    for (const name of ['exclude', 'pinned', 'tags']) if (value(name)) related.push([name, value(name).split(/\s+/).join(' ')]);
    if (!checked('exclude-current')) related.push(['exclude-current', 'false']);
    list.push(['clinic-related-posts', related]);
  }
  return list;
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed code: the classic script (render-blocking, before the elements, so nothing shifts), then the elements. */
export function embedCode(list = widgets()) {
  if (list.length === 0) return '';
  const lines = [`<script src="${escapeAttribute(SCRIPT_URL)}"></script>`];
  for (const [tag, attributes] of list) {
    const text = attributes.map(([name, value]) => (value === true ? name : `${name}="${escapeAttribute(value)}"`));
    lines.push(`<${tag}\n  ${text.join('\n  ')}\n></${tag}>`);
  }
  return `${lines.join('\n')}\n`;
}

function update() {
  const list = widgets();
  preview.replaceChildren(
    ...list.map(([tag, attributes]) => {
      const element = document.createElement(tag);
      for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : value);
      return element;
    }),
  );
  if (list.length === 0) {
    const note = document.createElement('p');
    note.textContent = source ? 'Choose at least one widget.' : 'Load a feed or document to see a preview.';
    preview.append(note);
  }
  code.textContent = embedCode(list);
  say($('copy-status'), '');
}

async function copy() {
  const text = code.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    say($('copy-status'), 'Copied. Paste it into the partner page.');
  } catch {
    // No clipboard access (an insecure page, or a refused permission): select the code instead.
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    say($('copy-status'), 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
form.addEventListener('input', (event) => {
  if (event.target !== $('source')) update();
});
form.addEventListener('change', (event) => {
  if (event.target !== $('source')) update();
});
$('copy').addEventListener('click', copy);

$('source').value = new URLSearchParams(location.search).get('src') ?? DEFAULT_SOURCE;
/** Resolves when the first load is done (the page's tests wait on it). */
window.builderReady = load();
