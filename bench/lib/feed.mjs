// A JSON Feed of about 900 kB, read through the feed adapter: 916 posts, each with an HTML body
// and a relative image URL (resolved against the feed's URL). Shared by bench/related.mjs and
// bench/first-visit.mjs.
export const FEED_POSTS = 916;

export const feedText = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Clinic',
  home_page_url: 'https://clinic.example/',
  items: Array.from({ length: FEED_POSTS }, (_, i) => ({
    id: `https://clinic.example/p/${i}`,
    url: `https://clinic.example/p/${i}`,
    title: `Post number ${i} about ketamine therapy`,
    summary: `Summary ${i} `.repeat(8),
    content_html: `<p>${'Body text of the post, with <em>emphasis</em> and <a href="/x">a link</a>. '.repeat(8)}</p>`,
    date_published: '2024-05-01T10:00:00Z',
    image: `/i/${i}.jpg`,
    authors: [{ name: 'Dr. A' }],
  })),
});
