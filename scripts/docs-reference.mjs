// Writes docs/reference.md from dist/custom-elements.json (which `cem analyze` makes from the
// elements' JSDoc): per element, its attributes, properties, events, slots, parts, custom
// properties and states. `npm run docs` runs both; test/cli/docs.test.mjs fails when the committed
// page differs from what this script makes, so the page cannot drift from the code.
//
//   node scripts/docs-reference.mjs           write docs/reference.md
//   node scripts/docs-reference.mjs --stdout  print it instead
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MANIFEST = `${ROOT}dist/custom-elements.json`;
export const REFERENCE = `${ROOT}docs/reference.md`;

/** A table cell: one line, pipes escaped. */
const cell = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
/** Inline code that may hold backticks or pipes. */
const code = (text) => {
  const value = cell(text);
  if (!value) return '—';
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
};
const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.static;

function table(head, rows) {
  if (rows.length === 0) return [];
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

function section(title, lines) {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...lines];
}

/** The custom elements of the manifest, by tag name. */
export function elements(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })))
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

function renderElement(element) {
  const members = new Map((element.members ?? []).filter((member) => member.kind === 'field').map((member) => [member.name, member]));
  const attributes = element.attributes ?? [];
  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName).filter(Boolean));
  const properties = [...members.values()].filter((member) => isPublic(member) && !withAttribute.has(member.name));
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && isPublic(member));

  const lines = [`## \`<${element.tagName}>\``, ''];
  if (element.summary) lines.push(`${cell(element.summary)}`, '');
  if (element.description) lines.push(element.description.trim(), '');
  lines.push(`Class \`${element.name}\`, in \`${element.path}\`.`, '');

  lines.push(
    ...section(
      'Attributes',
      table(
        ['attribute', 'property', 'type', 'default', 'description'],
        attributes.map((attribute) => {
          const member = members.get(attribute.fieldName) ?? {};
          return [
            code(attribute.name),
            code(attribute.fieldName),
            code(attribute.type?.text ?? member.type?.text),
            code(attribute.default ?? member.default),
            cell(attribute.description ?? member.description),
          ];
        }),
      ),
    ),
  );
  lines.push(
    ...section(
      'Properties without an attribute',
      table(
        ['property', 'type', 'default', 'description'],
        properties.map((member) => [
          code(member.name) + (member.readonly ? ' (read-only)' : ''),
          code(member.type?.text),
          code(member.default),
          cell(member.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Methods',
      table(
        ['method', 'description'],
        methods.map((method) => [
          code(`${method.name}(${(method.parameters ?? []).map((parameter) => parameter.name).join(', ')})`),
          cell(method.description),
        ]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Events',
      (element.events ?? []).length === 0
        ? []
        : [
            'They bubble and are composed; each `detail` is described under [Elements: events](elements.md#events).',
            '',
            ...table(
              ['event', 'type', 'description'],
              (element.events ?? []).map((event) => [code(event.name), code(event.type?.text), cell(event.description)]),
            ),
          ],
    ),
  );
  lines.push(
    ...section(
      'Slots',
      table(
        ['slot', 'description'],
        (element.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', cell(slot.description)]),
      ),
    ),
  );
  lines.push(...section('CSS parts', table(['part', 'description'], (element.cssParts ?? []).map((part) => [code(part.name), cell(part.description)]))));
  lines.push(
    ...section(
      'CSS custom properties',
      table(
        ['property', 'default', 'description'],
        (element.cssProperties ?? []).map((property) => [code(property.name), code(property.default), cell(property.description)]),
      ),
    ),
  );
  lines.push(
    ...section(
      'Custom states',
      table(
        ['state', 'description'],
        (element.cssStates ?? []).map((state) => [code(`:state(${state.name})`), cell(state.description)]),
      ),
    ),
  );
  return lines;
}

/** The text of docs/reference.md for a manifest. */
export function reference(manifest) {
  const list = elements(manifest);
  const lines = [
    '# Reference',
    '',
    '<!-- Generated by `npm run docs` (scripts/docs-reference.mjs) from dist/custom-elements.json. Do not',
    '     edit: change the JSDoc in src/components/ and src/internal/clinic-element.ts, then run `npm run docs`. -->',
    '',
    'Every attribute, property, event, slot, part, custom property and state of the three elements,',
    "generated from the elements' JSDoc through `custom-elements.json` (shipped in `dist/`). For what",
    'they do together, see [Elements](elements.md), [Theming](theming.md) and [Loading](loading.md).',
    '',
    list.map((element) => `[\`<${element.tagName}>\`](#${element.tagName})`).join(' · '),
    '',
  ];
  for (const element of list) lines.push(...renderElement(element));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = reference(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else writeFileSync(REFERENCE, text);
}
