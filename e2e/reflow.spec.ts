/**
 * Reflow and text-resize gate (WCAG 1.4.10 and 1.4.4). In three modes — a
 * 320 px wide viewport; 1280 px with text at 200%; and 640 px (1280 px at 200%
 * zoom) with text at 200% as well — the home page, the reader (feedback open,
 * glossary definition open), the join page with an error, the resume code, an
 * attempt with feedback, and the teacher's class, grid, review, analysis and
 * invite pages must:
 *   - not scroll sideways: document.scrollingElement.scrollWidth <= innerWidth + 1;
 *   - cut nothing off: no line of visible text, and no form control, button or
 *     image, reaches past the viewport's left or right edge or past the edge of
 *     an ancestor that hides its overflow — except inside a container meant to
 *     scroll sideways (overflow-x auto/scroll), which must then be keyboard
 *     focusable (tabindex 0) and have an accessible name.
 * Full-page screenshots go to test-results/reflow/ for a human look.
 */
import { test, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { READER_URL, teacherSignIn } from './fixtures';

test.describe.configure({ mode: 'serial' });

const MODES = [
  { name: '320px', viewport: { width: 320, height: 640 }, text: 1 },
  { name: '1280px-text200', viewport: { width: 1280, height: 800 }, text: 2 },
  { name: '640px-text200', viewport: { width: 640, height: 800 }, text: 2 },
] as const;
type Mode = (typeof MODES)[number];

const SHOTS = path.join('test-results', 'reflow');
const results: { mode: string; page: string; scrollWidth: number; width: number; problems: string[]; scrollers: string[] }[] = [];

interface Measure {
  scrollWidth: number;
  width: number;
  problems: string[];
  scrollers: string[];
}

/** Runs in the page: horizontal scroll, text and controls past the edges, clipped text, and sideways scrollers. */
function measure(): Measure {
  const vw = document.documentElement.clientWidth;
  const problems: string[] = [];
  const scrollers = new Map<Element, string>();
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}`;
  };
  /** Visually hidden (clip / 1px box), or not rendered: not shown, so not "cut off". */
  const hidden = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
      if (cs.position === 'absolute' && cs.clip !== 'auto') return true;
      if (cs.clipPath && cs.clipPath !== 'none') return true;
      const r = e.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && cs.overflow !== 'visible') return true;
    }
    return false;
  };
  /** The nearest ancestor that scrolls sideways (and has something to scroll). */
  const sidewaysScroller = (el: Element): Element | null => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if ((cs.overflowX === 'auto' || cs.overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1) return e;
    }
    return null;
  };
  /** Ancestors that hide overflow (hidden/clip), up to the first sideways scroller. */
  const clippers = (el: Element): Element[] => {
    const out: Element[] = [];
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.overflowX === 'auto' || cs.overflowX === 'scroll') break;
      if (cs.overflowX === 'hidden' || cs.overflowX === 'clip') out.push(e);
    }
    return out;
  };
  const check = (rect: DOMRect, el: Element, what: string) => {
    if (rect.width === 0 || rect.height === 0) return;
    const scroller = sidewaysScroller(el);
    if (scroller) {
      scrollers.set(scroller, describe(scroller));
      const sr = scroller.getBoundingClientRect();
      if (sr.right > vw + 1 || sr.left < -1) problems.push(`scroll container ${describe(scroller)} itself reaches past the viewport (${Math.round(sr.left)}–${Math.round(sr.right)} of ${vw})`);
      return;
    }
    if (rect.right > vw + 1 || rect.left < -1) {
      problems.push(`${what} in ${describe(el)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px, viewport ${vw} px`);
      return;
    }
    for (const c of clippers(el)) {
      const cr = c.getBoundingClientRect();
      if (rect.right > cr.right + 1 || rect.left < cr.left - 1) {
        problems.push(`${what} in ${describe(el)} is clipped by ${describe(c)} (${Math.round(rect.left)}–${Math.round(rect.right)} vs ${Math.round(cr.left)}–${Math.round(cr.right)})`);
        return;
      }
    }
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || hidden(el)) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) check(r, el, `text “${n.textContent!.trim().slice(0, 40)}”`);
  }
  for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea, button, img, svg, progress, table, pre, [role=img]')) {
    if (hidden(el)) continue;
    check(el.getBoundingClientRect(), el, `<${el.tagName.toLowerCase()}>`);
  }
  // Sideways scrollers must be reachable and named for keyboard and screen-reader users.
  for (const [s, name] of scrollers) {
    const focusable = (s as HTMLElement).tabIndex >= 0;
    const labelled = s.getAttribute('aria-label')?.trim() || (s.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim());
    if (!focusable) problems.push(`scroll container ${name} is not keyboard focusable (tabindex 0)`);
    if (!labelled) problems.push(`scroll container ${name} has no accessible name`);
  }
  const scrollWidth = document.scrollingElement!.scrollWidth;
  if (scrollWidth > window.innerWidth + 1) {
    // Name what widens the page, visually hidden elements included (an absolutely
    // positioned one escapes a scroller that is not its containing block).
    const culprits = [...document.body.querySelectorAll('*')].filter(
      (e) =>
        e.getBoundingClientRect().right > vw + 1 &&
        (!sidewaysScroller(e) || ['absolute', 'fixed'].includes(getComputedStyle(e).position)) &&
        ![...e.children].some((c) => c.getBoundingClientRect().right > vw + 1),
    );
    problems.push(`widest: ${culprits.slice(0, 3).map(describe).join(', ') || '(none found)'}`);
  }
  return { scrollWidth, width: window.innerWidth, problems: [...new Set(problems)], scrollers: [...scrollers.values()] };
}

async function setText(page: Page, mode: Mode) {
  if (mode.text !== 1) await page.addStyleTag({ content: `html { font-size: ${mode.text * 100}% !important; }` });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function assess(page: Page, mode: Mode, label: string, detail?: Locator) {
  await setText(page, mode);
  const m = await page.evaluate(measure);
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = `${mode.name}--${label.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;
  await page.screenshot({ path: path.join(SHOTS, `${file}.png`), fullPage: true });
  // A close-up of the part that matters, at the size a person sees it.
  if (detail) {
    await detail.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${file}--detail.png`) });
  }
  const problems = [...m.problems];
  if (m.scrollWidth > m.width + 1) problems.unshift(`the page scrolls sideways: scrollWidth ${m.scrollWidth} > ${m.width}`);
  results.push({ mode: mode.name, page: label, scrollWidth: m.scrollWidth, width: m.width, problems, scrollers: m.scrollers });
}

async function goto(page: Page, mode: Mode, url: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle'); // hydrated: forms run through script, not a full post
  await setText(page, mode);
}

const card = (page: Page, id: string) => page.locator(`[data-question="${id}"]`);

async function checkQuestion(page: Page, id: string) {
  const res = page.waitForResponse((r) => r.url().includes('/check') && r.request().method() === 'POST');
  await card(page, id).getByRole('button', { name: /^Check/ }).click();
  expect((await res).status()).toBe(200);
  await expect(card(page, id).locator('.feedback__score')).toBeVisible();
}

let teacherState: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
let classUrl = '';
let assignmentUrl = '';
let joinCode = '';

test('setup: a class, an assignment (feedback straight away), a teacher session', async ({ page }) => {
  await teacherSignIn(page);
  await page.goto('/teacher');
  await page.getByLabel('Class name').fill('Year 10 — Media literacy and critical reading of international news');
  await page.getByRole('button', { name: 'Create class' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Year 10');
  classUrl = new URL(page.url()).pathname;
  await page.getByLabel(/Title students see/).fill('Who says so? Sourcing, attribution and figures in a report on Kazakhstan');
  await page.getByRole('radio', { name: /Straight away/ }).check();
  await page.getByRole('button', { name: 'Create assignment' }).click();
  const c = page.locator('li.assignment-card').first();
  await expect(c).toBeVisible();
  joinCode = (await c.locator('.join-code span[aria-hidden="true"]').innerText()).replace(/[\s-]/g, '');
  assignmentUrl = (await c.getByRole('link', { name: 'Results and review' }).getAttribute('href'))!;
  teacherState = await page.context().storageState();
});

async function contexts(browser: Browser, mode: Mode) {
  const student = await browser.newContext({ viewport: mode.viewport, deviceScaleFactor: 1 });
  const teacher = await browser.newContext({ viewport: mode.viewport, deviceScaleFactor: 1, storageState: teacherState });
  return { student: await student.newPage(), teacher: await teacher.newPage(), close: () => Promise.all([student.close(), teacher.close()]) };
}

for (const mode of MODES) {
  test(`reflow at ${mode.name}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const { student: page, teacher, close } = await contexts(browser, mode);

    await goto(page, mode, '/');
    await assess(page, mode, 'home');

    await goto(page, mode, READER_URL);
    await card(page, 'main-source').getByRole('radio', { name: /Kavkaz Center/ }).check();
    await checkQuestion(page, 'main-source');
    await card(page, 'single-source').getByRole('textbox').fill('The author, because you always need two sources: https://www.example.org/a-very-long-address/without-any-spaces/that-should-wrap');
    await checkQuestion(page, 'single-source');
    await card(page, 'attribution-phrase').getByText('Choose words with the keyboard').click();
    await assess(page, mode, 'reader, feedback open', card(page, 'single-source').locator('.feedback'));
    await page.getByRole('button', { name: 'jamaats (glossary)' }).click();
    await expect(page.getByRole('dialog', { name: 'Glossary: jamaat' })).toBeVisible();
    await assess(page, mode, 'reader, glossary definition open', page.getByRole('button', { name: 'jamaats (glossary)' }));
    await page.keyboard.press('Escape');

    await goto(page, mode, `/join/${joinCode}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await assess(page, mode, 'join, error shown');
    await page.getByLabel('Your name').fill(`Student ${mode.name}`);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByText('Write this down')).toBeVisible();
    await assess(page, mode, 'joined, resume code');
    await page.getByRole('link', { name: 'Continue' }).click();
    await expect(card(page, 'main-source')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await setText(page, mode);
    await card(page, 'main-source').getByRole('radio', { name: /Islam Tekushev/ }).check();
    await checkQuestion(page, 'main-source');
    await card(page, 'single-source').getByRole('textbox').fill('Tekushev, Medium-Orient, second source, confirm, bias');
    await checkQuestion(page, 'single-source');
    await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 15_000 });
    await assess(page, mode, 'attempt, saved, feedback open', card(page, 'single-source').locator('.feedback'));

    await goto(teacher, mode, classUrl);
    await assess(teacher, mode, 'teacher class page (join code and link)');
    await goto(teacher, mode, assignmentUrl);
    await expect(teacher.getByRole('table')).toContainText(`Student ${mode.name}`);
    await assess(teacher, mode, 'teacher grid', teacher.locator('.grid-scroll'));
    await goto(teacher, mode, `${assignmentUrl}/review`);
    await expect(teacher.locator('.review-item')).toBeVisible();
    await assess(teacher, mode, 'teacher review');
    await goto(teacher, mode, `${assignmentUrl}/analysis`);
    await assess(teacher, mode, 'teacher item analysis');
    await goto(teacher, mode, '/teacher/invites');
    await teacher.getByRole('button', { name: /Create (another )?invite link/ }).click();
    await expect(teacher.getByLabel('Invite link')).toBeVisible();
    await assess(teacher, mode, 'teacher invites, link shown');
    await close();
  });
}

test('no page scrolls sideways and nothing is cut off', () => {
  for (const r of results)
    console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${r.mode.padEnd(15)} ${r.page.padEnd(40)} scrollWidth ${r.scrollWidth}/${r.width}${r.scrollers.length ? `  sideways scroller: ${r.scrollers.join(', ')}` : ''}${r.problems.map((p) => `\n       - ${p}`).join('')}`);
  const bad = results.filter((r) => r.problems.length);
  const sideways = results.filter((r) => r.scrollWidth > r.width + 1).length;
  const cut = results.reduce((t, r) => t + r.problems.length, 0) - sideways;
  console.log(`gate: reflow/text-resize  states=${results.length}  sideways-scroll=${sideways}  cut-off=${cut}  limit=0  ${bad.length ? 'FAIL' : 'PASS'}   screenshots: ${SHOTS}/`);
  expect(results.length).toBe(MODES.length * 11);
  expect(bad.map((r) => `${r.mode} ${r.page}: ${r.problems.join('; ')}`)).toEqual([]);
});
