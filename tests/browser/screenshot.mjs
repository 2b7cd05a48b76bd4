// tests/browser/screenshot.mjs: the README's picture of safer.  Not a test
// (node --test does not pick it up); run it by hand after a visible change:
//
//   SAFER_BIN=./safer node tests/browser/screenshot.mjs [docs/screenshot.png]
//
// A full-page screenshot of the overview of the Stockport demo, 1200 CSS
// pixels wide.
import { openBrowser } from './browser.mjs';

const out = process.argv[2] || 'docs/screenshot.png';
const b = await openBrowser();
try {
  const { page } = await b.page({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(b.url + '/');
  await page.screenshot({ path: out, fullPage: true, animations: 'disabled' });
  console.log(`wrote ${out}`);
} finally {
  await b.close();
}
