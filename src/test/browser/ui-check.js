// Browser check of the Fuseki UI (not part of `mvn test`: it needs Chromium and Node).
//   apt-get install chromium && npm install playwright-core   (in a scratch directory)
//   ./kg serve &   then   node ui-check.js http://127.0.0.1:3030 "$(cat ../../../queries/diplomats.rq)" /tmp/ui.png
// Opens the query page of /kg, runs the query through the UI's own editor, prints the result rows and saves a screenshot.
const { chromium } = require('playwright-core');
(async () => {
  const base = process.argv[2];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(base + '/#/dataset/kg/query');
  await page.waitForSelector('.yasqe .CodeMirror', { timeout: 20000 });
  const query = process.argv[3];
  await page.evaluate((q) => { document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(q); }, query);
  await page.click('.yasqe_queryButton');
  await page.waitForSelector('.yasr table tbody tr', { timeout: 20000 });
  const rows = await page.$$eval('.yasr table tbody tr', trs => trs.map(tr => tr.innerText.replace(/\s+/g, ' ').trim()));
  console.log(rows.length + ' rows'); rows.slice(0, 10).forEach(r => console.log('  ' + r));
  await page.screenshot({ path: process.argv[4] });
  await browser.close();
})().catch(e => { console.error(e); process.exit(1); });
