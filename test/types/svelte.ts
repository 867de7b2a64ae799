// Svelte 5: svelte-check turns `<clinic-article-card variant="full">` into
// svelteHTML.createElement('clinic-article-card', { variant: 'full' }); the same calls here.
/// <reference path="../../node_modules/svelte/svelte-html.d.ts" />
import type {} from 'clinic-widgets/svelte';
import type { RelatedPost } from 'clinic-widgets';

const related: RelatedPost[] = [{ title: 'Ketamine and depression', url: 'https://clinic.example/a/' }];

svelteHTML.createElement('clinic-article-card', {
  src: '/content/ketamine.json',
  variant: 'full',
  'heading-level': 3,
  'no-image': true,
  class: 'card',
  'onclinic-load': (event) => event.detail.source,
});
svelteHTML.createElement('clinic-publisher', { data: { name: 'Propel' }, phone: '916-915-9215', 'onclinic-click': (event) => event.detail.href });
svelteHTML.createElement('clinic-related-posts', { limit: 3, layout: 'compact', data: related });

// @ts-expect-error variant is 'card' | 'full'
svelteHTML.createElement('clinic-article-card', { variant: 'nonsense' });
// @ts-expect-error limit is a number
svelteHTML.createElement('clinic-related-posts', { limit: {} });
// @ts-expect-error loading is 'eager' | 'lazy'
svelteHTML.createElement('clinic-publisher', { loading: 'later' });
// @ts-expect-error the detail of clinic-error has no position
svelteHTML.createElement('clinic-related-posts', { 'onclinic-error': (event) => event.detail.position });
