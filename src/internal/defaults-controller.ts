import { defaultConverter, type PropertyDeclaration, type ReactiveController, type ReactiveElement } from 'lit';
import { onDefaultsChange, pageDefaults } from '../data/config.js';

type Props = Record<PropertyKey, unknown>;
type Declarations = Map<PropertyKey, PropertyDeclaration>;

/** Each element class's built-in property values, read once from a fresh instance. */
const builtIns = new WeakMap<object, Props>();

function builtInsOf(host: ReactiveElement, declarations: Declarations): Props {
  const ctor = host.constructor as new () => ReactiveElement;
  let values = builtIns.get(ctor);
  if (!values) {
    const fresh = new ctor() as unknown as Props;
    values = {};
    for (const key of declarations.keys()) values[key] = fresh[key];
    builtIns.set(ctor, values);
  }
  return values;
}

function attributeOf(key: PropertyKey, options: PropertyDeclaration): string | undefined {
  if (options.attribute === false || options.state) return undefined;
  return typeof options.attribute === 'string' ? options.attribute : String(key).toLowerCase();
}

function fromText(text: string, options: PropertyDeclaration): unknown {
  const converter = options.converter;
  const read =
    typeof converter === 'function' ? converter : (converter?.fromAttribute ?? defaultConverter.fromAttribute!);
  return read(text, options.type);
}

/**
 * Applies the page-wide defaults (the classic script tag's `data-*`, or `configure({ defaults })`)
 * to an element: a property whose attribute the element does not have, and which holds its
 * built-in value, takes the page default. An attribute on the element, or a property a script
 * set, wins. Defaults that change later reach elements already on the page.
 */
export class DefaultsController implements ReactiveController {
  /** Property → the value a page default gave it. */
  readonly #applied = new Map<PropertyKey, unknown>();
  #unlisten?: () => void;
  /** The attributes the element had when it was first connected: the page's own. */
  #initial?: Set<string>;

  readonly #host: ReactiveElement;
  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#initial ??= new Set(this.#host.getAttributeNames());
    this.#apply();
    this.#unlisten ??= onDefaultsChange(() => this.#apply());
  }

  hostDisconnected(): void {
    this.#unlisten?.();
    this.#unlisten = undefined;
  }

  /** Whether the property's current value comes from a page default. */
  fromPage(key: PropertyKey): boolean {
    return this.#applied.has(key) && Object.is((this.#host as unknown as Props)[key], this.#applied.get(key));
  }

  /** The properties whose values come from page defaults now. */
  pageProperties(): PropertyKey[] {
    return [...this.#applied.keys()].filter((key) => this.fromPage(key));
  }

  #apply(): void {
    const declarations = (this.#host.constructor as typeof ReactiveElement).elementProperties as Declarations;
    const defaults = pageDefaults();
    if (defaults.size === 0 && this.#applied.size === 0) return;
    const host = this.#host as unknown as Props;
    const builtIn = builtInsOf(this.#host, declarations);
    for (const [key, options] of declarations) {
      const attribute = attributeOf(key, options);
      if (!attribute || attribute === 'status') continue;
      const ours = this.fromPage(key);
      // The element's own attribute, or a value a script set, wins. (Lit writes reflected
      // properties' built-in values as attributes too: those do not count.)
      if (!ours && (this.#initial!.has(attribute) || !Object.is(host[key], builtIn[key]))) {
        this.#applied.delete(key);
        continue;
      }
      const text = defaults.get(attribute);
      if (text === undefined) {
        if (ours) host[key] = builtIn[key];
        this.#applied.delete(key);
        continue;
      }
      const value = fromText(text, options);
      this.#applied.set(key, value);
      host[key] = value;
    }
  }
}
