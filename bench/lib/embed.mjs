// The stylesheet of the embed code, which reserves the widgets' space before the script defines
// them (with an `async` or module script the page may paint first). The same text as in the
// README and docs/embedding.md (test/cli/docs.test.mjs checks it).
export const EMBED_STYLE =
  'clinic-article-card:not(:defined),clinic-publisher:not(:defined),clinic-related-posts:not(:defined){display:block}' +
  'clinic-article-card:not(:defined)::before{content:"";display:block;aspect-ratio:16/9}' +
  'clinic-article-card:not(:defined)::after{content:"";display:block;height:290px}' +
  'clinic-article-card[no-image]:not(:defined)::before{content:none}' +
  'clinic-publisher:not(:defined){min-height:465px}clinic-related-posts:not(:defined){min-height:350px}';
