/** @jsxImportSource preact */
// Preact: the same tags through Preact's JSX namespace.
import type {} from 'clinic-widgets/jsx';

export const right = (
  <div>
    <clinic-article-card src="/content/ketamine.json" variant="card" heading-level={2} class="card" onclinic-load={(event) => event.detail.stale} />
    <clinic-publisher data={{ name: 'Propel' }} theme="light" />
    <clinic-related-posts limit={5} layout="list" onclinic-click={(event) => event.detail.position + 1} />
  </div>
);

// @ts-expect-error variant is 'card' | 'full'
export const badVariant = <clinic-article-card variant="nonsense" />;
// @ts-expect-error limit is a number
export const badLimit = <clinic-related-posts limit={{}} />;
// @ts-expect-error loading is 'eager' | 'lazy'
export const badLoading = <clinic-publisher loading="later" />;
// @ts-expect-error the detail of clinic-click has no message
export const badDetail = <clinic-related-posts onclinic-click={(event) => event.detail.message} />;
// @ts-expect-error Preact's own props keep their types: onClick is a function
export const badClick = <clinic-publisher onClick="alert(1)" />;
