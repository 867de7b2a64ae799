// `cem analyze` reads the elements' JSDoc and writes dist/custom-elements.json (tags, attributes,
// properties, events, slots, parts, custom properties and states) for editors and tools.
export default {
  globs: ['src/components/**/*.ts', 'src/internal/clinic-element.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // The events are declared with @fires; the dispatchEvent() calls that the analyzer also
      // finds construct typed events and carry no name of their own. ES private members are
      // marked private.
      name: 'clinic-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
            // ES private members (`#name`) are private, as `private` members were.
            for (const member of declaration.members ?? []) if (member.name.startsWith('#')) member.privacy = 'private';
          }
        }
      },
    },
  ],
};
