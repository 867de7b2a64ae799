// React 19: the tags type-check with right values and refuse wrong ones.
import type {} from 'clinic-widgets/jsx';
import type { ClinicClickEvent, ClinicLoadEvent, RelatedPost } from 'clinic-widgets';

const related: RelatedPost[] = [{ title: 'Ketamine and depression', url: 'https://clinic.example/a/' }];

export const right = (
  <>
    <clinic-article-card
      src="/content/ketamine.json"
      variant="full"
      heading-level={3}
      theme="dark"
      loading="lazy"
      no-image
      className="card"
      onclinic-load={(event) => event.detail.source satisfies 'attributes' | 'endpoint' | 'property'}
      onclinic-click={(event: ClinicClickEvent) => void event.detail.href.toUpperCase()}
    />
    <clinic-publisher name="Propel Therapeutics" phone="916-915-9215" data={{ name: 'Propel' }} style={{ maxWidth: 480 }} />
    <clinic-related-posts limit={3} layout="grid" data={related} onclinic-error={(event) => event.detail.message} key="r" />
  </>
);

export const handler = (event: ClinicLoadEvent) => event.detail.src;
export const withHandler = <clinic-publisher onclinic-load={handler} />;

// @ts-expect-error variant is 'card' | 'full'
export const badVariant = <clinic-article-card variant="nonsense" />;
// @ts-expect-error limit is a number
export const badLimit = <clinic-related-posts limit={{}} />;
// @ts-expect-error layout of related posts is 'list' | 'grid' | 'compact'
export const badLayout = <clinic-related-posts layout="horizontal" />;
// @ts-expect-error theme is 'auto' | 'light' | 'dark'
export const badTheme = <clinic-publisher theme="blue" />;
// @ts-expect-error heading-level is a number
export const badLevel = <clinic-article-card heading-level={[2]} />;
// @ts-expect-error the detail of clinic-load has no href
export const badDetail = <clinic-article-card onclinic-load={(event) => event.detail.href} />;
// @ts-expect-error React's own props keep their types: style is an object
export const badStyle = <clinic-publisher style="color: red" />;
// @ts-expect-error no such attribute
export const unknownAttribute = <clinic-publisher nmae="Propel" />;
