/**
 * Smoke test of the reader as a student uses it, in Debian's Chromium against
 * the production build: answer one question of each kind (the highlight one by
 * a real mouse selection), check each, reload, and find everything still there.
 * Plus an axe-core scan (WCAG 2.2 AA tags) with zero violations.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const URL = '/articles/eurasia-daily-monitor-kazakhstan';

function card(page: Page, id: string) {
  return page.locator(`[data-question="${id}"]`);
}

async function checkAndWait(page: Page, id: string) {
  const c = card(page, id);
  const res = page.waitForResponse((r) => r.url().includes('/check') && r.request().method() === 'POST');
  await c.getByRole('button', { name: /^Check/ }).click();
  expect((await res).status()).toBe(200);
  await expect(c.locator('.feedback__score')).toBeVisible();
}

/** Select `text` inside paragraph `n` with the mouse: press at its first character, release after its last. */
async function mouseSelect(page: Page, n: number, text: string) {
  const p = page.locator(`#para-${n} p`);
  await p.scrollIntoViewIfNeeded();
  const box = await p.evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(t);
      if (i >= 0) {
        const a = document.createRange();
        a.setStart(node, i);
        a.setEnd(node, i + 1);
        const b = document.createRange();
        b.setStart(node, i + t.length - 1);
        b.setEnd(node, i + t.length);
        const ra = a.getBoundingClientRect();
        const rb = b.getBoundingClientRect();
        return { x1: ra.left + 1, y1: ra.top + ra.height / 2, x2: rb.right - 1, y2: rb.top + rb.height / 2 };
      }
    }
    return null;
  }, text);
  expect(box).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move((box!.x1 + box!.x2) / 2, box!.y2, { steps: 5 });
  await page.mouse.move(box!.x2, box!.y2, { steps: 5 });
  await page.mouse.up();
}

test('home page lists the article', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Articles to read closely');
  await page.getByRole('link', { name: /Foreign-Backed Jihadist Movement/ }).click();
  await expect(page).toHaveURL(URL);
});

test('reader shows the article, numbered paragraphs, caption, glossary and safe addresses', async ({ page }) => {
  await page.goto(URL);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Foreign-Backed Jihadist Movement in Kazakhstan');
  await expect(page.getByText('Eurasia Daily Monitor, Volume 10, Issue 97')).toBeVisible();
  await expect(page.locator('figcaption')).toHaveText('Kazakh terrorist group Jund al-Khilafah (Source: Kavkaz Center)');
  await expect(page.locator('.para')).toHaveCount(10);
  await expect(page.locator('#para-8')).toContainText('Tekushuv reports');
  // Web addresses are text, never links.
  await expect(page.locator('a[href*="hunafa"], a[href*="caucasustimes"]')).toHaveCount(0);
  await expect(page.locator('#para-6')).toContainText('hunafa.com/2010/11/');
  // Glossary by keyboard: focus the term, Enter opens the definition, Escape closes it.
  const term = page.getByRole('button', { name: 'jamaats (glossary)' });
  await term.focus();
  await page.keyboard.press('Enter');
  const pop = page.getByRole('dialog', { name: 'Glossary: jamaat' });
  await expect(pop).toBeVisible();
  await expect(pop).toContainText('community');
  await page.keyboard.press('Escape');
  await expect(pop).toBeHidden();
  // ... and by mouse.
  await page.getByRole('button', { name: 'propinquity (glossary)' }).click();
  await expect(page.getByRole('dialog', { name: 'Glossary: propinquity' })).toContainText('Nearness');
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-question]')).toHaveCount(17);
  await expect(page.locator('.reader').getByText('Note for teachers')).toBeVisible();
});

test('answer one question of each kind, check, reload: everything is kept', async ({ page }) => {
  await page.goto(URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();

  // choice (single)
  await card(page, 'main-source').getByRole('radio', { name: /Islam Tekushev/ }).check();
  await checkAndWait(page, 'main-source');
  await expect(card(page, 'main-source').locator('.feedback__score')).toContainText('1 of 1 point');

  // choice (multiple)
  const other = card(page, 'other-sources');
  await other.getByRole('checkbox', { name: 'Kazakhstani officials' }).check();
  await other.getByRole('checkbox', { name: 'Kazakhstani newspapers' }).check();
  await checkAndWait(page, 'other-sources');
  await expect(other.locator('.feedback__score')).toContainText('0 of 3 points');

  // highlight, by mouse selection in the article itself
  await mouseSelect(page, 2, 'Tekushev reports');
  const hl = card(page, 'attribution-phrase');
  await expect(hl.getByText(/Selected in the article/)).toContainText('Tekushev reports');
  await hl.getByRole('button', { name: 'Use selected words' }).click();
  await expect(hl.getByText(/Your answer:/)).toContainText('Tekushev reports');
  await checkAndWait(page, 'attribution-phrase');
  await expect(hl.locator('.feedback__score')).toContainText('1 of 1 point');

  // classify
  const who = card(page, 'who-says');
  await who.getByRole('group', { name: /Seven major terrorist actions/ }).getByRole('radio', { name: 'Tekushev' }).check();
  await who.getByRole('group', { name: /more than 200 Islamist radicals/ }).getByRole('radio', { name: 'Kazakhstani officials' }).check();
  await checkAndWait(page, 'who-says');
  await expect(who.locator('.feedback__score')).toContainText('2 of 6 points');

  // short
  await card(page, 'attack-count').getByRole('textbox').fill('seven');
  await checkAndWait(page, 'attack-count');
  await expect(card(page, 'attack-count').locator('.feedback__score')).toContainText('1 of 1 point');

  // text
  const single = card(page, 'single-source');
  await single.getByRole('textbox').fill('It is Islam Tekushev’s study. One source cannot be checked against anyone else, and he could be biased.');
  await expect(single.getByText(/\/ 2,000 characters/)).toBeVisible();
  await checkAndWait(page, 'single-source');
  await expect(single.locator('.feedback li')).toHaveCount(2);

  await page.reload();
  await expect(card(page, 'main-source').getByRole('radio', { name: /Islam Tekushev/ })).toBeChecked();
  await expect(other.getByRole('checkbox', { name: 'Kazakhstani newspapers' })).toBeChecked();
  await expect(hl.getByText(/Your answer:/)).toContainText('Tekushev reports');
  await expect(who.getByRole('group', { name: /Seven major terrorist actions/ }).getByRole('radio', { name: 'Tekushev' })).toBeChecked();
  await expect(card(page, 'attack-count').getByRole('textbox')).toHaveValue('seven');
  await expect(single.getByRole('textbox')).toHaveValue(/Islam Tekushev’s study/);
  await expect(card(page, 'main-source').locator('.feedback__score')).toContainText('1 of 1 point');
  await expect(page.locator('.summary')).toContainText('6 of 17 questions checked');
});

test('the highlight question works with the keyboard alone', async ({ page }) => {
  await page.goto(URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const hl = card(page, 'attribution-phrase');
  await hl.getByText('Choose words with the keyboard').focus();
  await page.keyboard.press('Enter');
  await hl.getByLabel('First word').focus();
  await hl.getByLabel('First word').selectOption({ label: '20. Tekushev' });
  await hl.getByLabel('Last word').selectOption({ label: '21. reports.' });
  await hl.getByRole('button', { name: 'Use these words' }).focus();
  await page.keyboard.press('Enter');
  await hl.getByRole('button', { name: 'Check' }).focus();
  await page.keyboard.press('Enter');
  await expect(hl.locator('.feedback__score')).toContainText('1 of 1 point');
});

test('bad requests to the check API get clear JSON errors', async ({ request }) => {
  const api = '/api/exercises/kazakhstan-jihadist-movement/check';
  const bad = await request.post(api, { data: Buffer.from('{oops'), headers: { 'content-type': 'application/json' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('bad_json');
  const unknown = await request.post(api, { data: { questionId: 'nope', answer: {} } });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.field).toBe('questionId');
  const invalid = await request.post(api, { data: { answer: {} } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.field).toBe('questionId');
  const big = await request.post(api, { data: { questionId: 'single-source', answer: { text: 'x'.repeat(70_000) } } });
  expect(big.status()).toBe(413);
  const noEx = await request.post('/api/exercises/nope/check', { data: { questionId: 'x', answer: {} } });
  expect(noEx.status()).toBe(404);
  const empty = await request.post(api, { data: { questionId: 'single-source', answer: { text: '' } } });
  expect(empty.status()).toBe(200);
  expect((await empty.json()).score).toBe(0);
});

test('axe: no WCAG 2.2 AA violations on the home and reader pages, with feedback shown', async ({ page }) => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  await page.goto('/');
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
  await page.goto(URL);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
  await card(page, 'main-source').getByRole('radio', { name: /Kavkaz Center/ }).check();
  await checkAndWait(page, 'main-source');
  await card(page, 'single-source').getByRole('textbox').fill('the author, because you always need two sources');
  await checkAndWait(page, 'single-source');
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
  await page.goto('/no-such-page');
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations).toEqual([]);
});

test('security headers on pages and API responses', async ({ request }) => {
  for (const url of ['/', '/articles/eurasia-daily-monitor-kazakhstan', '/signin']) {
    const h = (await request.get(url)).headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(h['x-powered-by']).toBeUndefined();
  }
  const api = await request.post('/api/exercises/kazakhstan-jihadist-movement/check', { data: { questionId: 'attack-count', answer: { text: '7' } } });
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['cache-control']).toContain('no-store');
});
