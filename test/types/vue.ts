// Vue 3: the props vue-tsc checks a template's attributes against, from GlobalComponents.
import type {} from 'clinic-widgets/vue';
import type { GlobalComponents } from 'vue';
import type { RelatedPost } from 'clinic-widgets';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

const related: RelatedPost[] = [{ title: 'Ketamine and depression', url: 'https://clinic.example/a/' }];

export const card: Props<'clinic-article-card'> = {
  src: '/content/ketamine.json',
  variant: 'full',
  'heading-level': 3,
  headingLevel: 3,
  'no-image': true,
  class: 'card',
  onClinicLoad: (event) => event.detail.source,
  onClinicClick: (event) => event.detail.href,
};
export const publisher: Props<'clinic-publisher'> = { data: { name: 'Propel' }, 'logo-alt': 'Propel', onClinicError: (event) => event.detail.message };
export const list: Props<'clinic-related-posts'> = { limit: 3, layout: 'grid', data: related };

// @ts-expect-error variant is 'card' | 'full'
export const badVariant: Props<'clinic-article-card'> = { variant: 'nonsense' };
// @ts-expect-error limit is a number
export const badLimit: Props<'clinic-related-posts'> = { limit: {} };
// @ts-expect-error headingLevel is a number
export const badLevel: Props<'clinic-related-posts'> = { headingLevel: 'two' };
// @ts-expect-error theme is 'auto' | 'light' | 'dark'
export const badTheme: Props<'clinic-publisher'> = { theme: 'blue' };
// @ts-expect-error the detail of clinic-load has no href
export const badDetail: Props<'clinic-article-card'> = { onClinicLoad: (event) => event.detail.href };
