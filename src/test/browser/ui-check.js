// Headless browser check of DiploKG's front door, run by BrowserCheckTest (mvn test) when Chromium and
// playwright-core are installed (.ci/run installs both):
//   node ui-check.js BASE_URL ENTITY_PATH OUT_DIR
// Opens the query UI, reads what a user sees (banner, example-query badges, prefix badges, visible buttons), runs the
// first example through the UI's own Run button, then opens the entity page ENTITY_PATH (/page/...). Prints one JSON
// object with what it saw (the test asserts on it) and saves ui.png and entity.png in OUT_DIR.
const { chromium } = require('playwright-core');
(async () => {
  const [base, entityPath, outDir] = process.argv.slice(2);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
  const seen = {};
  await page.goto(base + '/#/dataset/kg/query');
  await page.waitForSelector('.yasqe .CodeMirror', { timeout: 30000 });
  await page.waitForSelector('span.badge.text-bg-info', { timeout: 30000 });
  seen.title = await page.title();
  seen.banner = (await page.textContent('#diplokg-banner')) || '';
  seen.examples = await page.$$eval('span.badge.text-bg-info', els => els.map(e => e.textContent.trim()));
  seen.prefixes = await page.$$eval('span.badge', els => els.filter(e => !e.classList.contains('text-bg-info'))
      .map(e => e.textContent.trim()));
  await page.click('span.badge.text-bg-info >> nth=0');
  seen.editor = await page.evaluate(() => document.querySelector('.yasqe .CodeMirror').CodeMirror.getValue());
  await page.click('.yasqe_queryButton');
  await page.waitForSelector('.yasr table tbody tr', { timeout: 30000 });
  seen.rows = await page.$$eval('.yasr table tbody tr', trs => trs.map(tr => tr.innerText.replace(/\s+/g, ' ').trim()));
  await page.screenshot({ path: outDir + '/ui.png', fullPage: true });

  await page.goto(base + '/#/dataset/kg/info');
  await page.waitForTimeout(1500);
  seen.visibleButtons = await page.$$eval('button, a.nav-link', els => els.filter(e => e.offsetParent !== null)
      .map(e => e.textContent.trim().toLowerCase()));

  await page.goto(base + entityPath);
  seen.entityTitle = (await page.textContent('h1')).trim();
  seen.entitySections = await page.$$eval('h2', hs => hs.map(h => h.textContent.trim()));
  seen.cites = await page.$$eval('.cite', cs => cs.length);
  await page.screenshot({ path: outDir + '/entity.png', fullPage: false });
  console.log(JSON.stringify(seen));
  await browser.close();
})().catch(e => { console.error(String(e && e.stack || e)); process.exit(1); });
