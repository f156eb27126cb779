// Screenshot of the Browser guide with a query result, in headless Chromium (Debian: apt-get install chromium;
// npm install playwright-core). Start the service first (./cinegraph serve --path ...), then: node screenshot.js out.png
const { chromium } = require('playwright-core');
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-quic','--no-first-run','--disable-component-update','--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  await page.goto('http://localhost:8080/browser/?connectURL=bolt%3A%2F%2Flocalhost%3A7687&preselectAuthMethod=NO_AUTH');
  await page.waitForTimeout(6000);
  for (const cmd of [':param userId => 1', ':play http://localhost:8080/guide/cinegraph.html']) {
    await page.keyboard.type(cmd);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2500);
  }
  await page.locator('[data-testid="carousel"]').first().locator('li[aria-label="4"]').click();
  await page.waitForTimeout(1000);
  await page.locator('pre.runnable', { hasText: 'PREFERS' }).first().click();
  await page.waitForTimeout(1000);
  await page.keyboard.press('Control+Enter');
  await page.waitForTimeout(5000);
  await page.screenshot({ path: 'process.argv[2] || "guide-slide.png"' });
  await browser.close();
})();
