// The README's pictures, from the production build (`npm run screenshots` builds first):
//   docs/screenshots/widgets.png          the three widgets side by side (the demo's front page)
//   docs/screenshots/partner-360.png      the partner page at 360, 768 and 1280 CSS pixels wide:
//   docs/screenshots/partner-768.png      on a phone and a tablet from the top to the clinic's
//   docs/screenshots/partner-1280.png     article card; on a desktop, where the clinic's details sit
//                                         beside the story, down to the related posts below it
// It serves the repository on a free port (scripts/demo-server.mjs) and stops it when done.
import { mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from './demo-server.mjs';
import { launchBrowser, openPage } from './screenshot.mjs';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const MARGIN = 24;

await mkdir(OUT, { recursive: true });
const server = await startDemoServer();
const browser = await launchBrowser();
const written = [];
try {
  // The three widgets, on the demo's front page at a desktop width.
  {
    const page = await openPage(browser, `${server.url}/demo/`, { width: 1280 });
    const box = await page.evaluate((margin) => {
      const widgets = document.querySelector('#three-widgets');
      const rect = widgets.getBoundingClientRect();
      // The margin above stops short of the text before the widgets.
      const above = widgets.previousElementSibling?.getBoundingClientRect().bottom ?? 0;
      const top = Math.max(rect.top - margin, Math.ceil(above) + 1);
      return { x: rect.left - margin, y: top, width: rect.width + 2 * margin, height: rect.bottom + margin - top };
    }, MARGIN);
    await page.screenshot({ path: `${OUT}widgets.png`, clip: box });
    written.push('widgets.png');
    await page.close();
  }
  // The partner page, from the top to just below the card, or the related posts when the sidebar
  // sits beside the story.
  for (const width of [360, 768, 1280]) {
    const page = await openPage(browser, `${server.url}/demo/partner.html`, { width });
    const height = await page.evaluate((margin) => {
      const bottom = (selector) => document.querySelector(selector)?.getBoundingClientRect().bottom ?? 0;
      const sidebar = document.querySelector('.sidebar');
      const besideStory = sidebar && sidebar.getBoundingClientRect().top < document.querySelector('article').getBoundingClientRect().bottom;
      return Math.ceil((besideStory ? bottom('.more') : bottom('.partner-content')) + margin);
    }, MARGIN);
    const file = `partner-${width}.png`;
    await page.screenshot({ path: `${OUT}${file}`, clip: { x: 0, y: 0, width, height } });
    written.push(file);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
for (const file of written) console.log(`docs/screenshots/${file}  ${Math.round((await stat(`${OUT}${file}`)).size / 1024)} KB`);
