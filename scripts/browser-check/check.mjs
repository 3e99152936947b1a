// Opens each self-contained HTML report in headless Chromium with networking
// cut off, fails on console errors, page errors, any outside request, a missing
// <title>, inaccessible or empty SVGs, tables without <th>, horizontal
// scrolling on a phone, and any violation of axe-core's WCAG 2.1 A and AA
// rules; saves report-desktop.png, report-phone.png, report.pdf.
// Usage: node check.mjs REPORT.html...   (exit 1 if any check fails)
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

// axe-core's source, injected inline into the page (no request is made).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND']; // no DNS, as a second fence behind the routes
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const ALLOWED_SCHEMES = ['data:', 'blob:', 'about:'];

const pngSize = (file) => { const b = readFileSync(file); return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`; };
const pdfPages = (file) => (readFileSync(file, 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;

// Opens `url` in a fresh context; every outside request, console error and page
// error is added to `problems`. Returns the page, or null if loading failed.
async function open(browser, url, options, label, problems) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  const isSelf = (u) => u.split('#')[0] === url;
  const isAllowed = (u) => isSelf(u) || ALLOWED_SCHEMES.some((s) => u.startsWith(s));
  const seen = new Set();
  const outside = (u) => { if (!seen.has(u)) { seen.add(u); problems.push(`[${label}] request to outside resource: ${u}`); } };
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isAllowed(u)) return route.continue();
    outside(u);
    return route.abort('blockedbyclient');
  });
  page.on('request', (req) => { if (!isAllowed(req.url())) outside(req.url()); });
  page.on('requestfailed', (req) => {
    if (isSelf(req.url())) problems.push(`[${label}] failed to load page: ${req.failure()?.errorText}`);
  });
  page.on('console', (msg) => {
    const where = msg.location()?.url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
    const blocked = seen.has(msg.location()?.url); // a blocked load is already reported above
    if (msg.type() === 'error' && !blocked) problems.push(`[${label}] console error: ${msg.text()}${where}`);
    else if (msg.type() === 'warning') console.log(`  note [${label}] console warning: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => problems.push(`[${label}] uncaught page error: ${err.message}`));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (err) {
    problems.push(`[${label}] failed to load page: ${err.message.split('\n')[0]}`);
    await context.close();
    return null;
  }
  return page;
}

// Structural and accessibility checks on the loaded page.
async function checkStructure(page, problems) {
  const title = (await page.title()).trim();
  if (!title) problems.push('page has no non-empty <title>');
  const svgs = await page.$$eval('svg', (els) => els.filter((el) => !el.parentElement?.closest('svg')).map((el, i) => {
    const r = el.getBoundingClientRect();
    const titled = [...el.children].some((c) => c.tagName.toLowerCase() === 'title' && c.textContent.trim());
    const labelled = (el.getAttribute('aria-label') || '').trim() || el.getAttribute('aria-labelledby');
    const id = el.id ? `#${el.id}` : `#${i + 1}`;
    return { id, w: r.width, h: r.height, named: Boolean(titled || labelled), hidden: el.getAttribute('aria-hidden') === 'true' };
  }));
  for (const s of svgs) {
    if (!(s.w > 0 && s.h > 0)) problems.push(`<svg> ${s.id} has an empty bounding box (${s.w}x${s.h})`);
    if (!s.named && !s.hidden) problems.push(`<svg> ${s.id} has no <title> child or aria-label (accessibility)`);
  }
  const tables = await page.$$eval('table', (els) => els.map((t, i) =>
    ({ id: t.id ? `#${t.id}` : `#${i + 1}`, th: t.querySelector('th') !== null })));
  for (const t of tables) if (!t.th) problems.push(`<table> ${t.id} has no <th> header cells`);
  const axe = await checkAxe(page, problems);
  return `title "${title}", ${svgs.length} svg, ${tables.length} table, axe: ${axe}`;
}

// axe-core with the WCAG 2.1 A and AA rules: every violation is a problem,
// named by rule, impact, the first few elements and the help text.
async function checkAxe(page, problems) {
  await page.addScriptTag({ content: AXE });
  const r = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), WCAG);
  for (const v of r.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ');
    problems.push(`axe ${v.id} (${v.impact}, ${v.nodes.length} element(s): ${where}): ${v.help}`);
  }
  return `${r.passes.length} rules passed, ${r.violations.length} violated`;
}

// At phone width the page itself must not scroll sideways (a table inside its
// own overflow-x: auto box may). Names the innermost overflowing elements.
async function checkPhoneWidth(page, problems) {
  const vw = page.viewportSize().width; // innerWidth grows with the overflow on mobile
  const r = await page.evaluate((vw) => {
    const visible = (e) => getComputedStyle(e).overflowX === 'visible';
    const inScrollBox = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (!visible(a)) return true;
      return false;
    };
    const sticksOut = (e) => !inScrollBox(e)
      && (e.getBoundingClientRect().right > vw + 1 || (visible(e) && e.scrollWidth > e.clientWidth + 1));
    const all = [...document.body.querySelectorAll('*')].filter(sticksOut);
    const leaves = all.filter((e) => !all.some((o) => o !== e && e.contains(o))).slice(0, 3);
    const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') + [...e.classList].map((c) => `.${c}`).join('');
    return { sw: document.documentElement.scrollWidth, culprits: leaves.map(name).join(', ') || '?' };
  }, vw);
  if (r.sw > vw + 1) {
    problems.push(`[phone] page scrolls horizontally: scrollWidth ${r.sw}px > viewport ${vw}px (overflowing: ${r.culprits})`);
  }
}

async function checkFile(browser, file) {
  const problems = [];
  if (!existsSync(file) || !statSync(file).isFile()) return [`no such file: ${file}`];
  const url = pathToFileURL(resolve(file)).href;
  const dir = dirname(file);
  const outputs = [];

  const desktop = await open(browser, url, DESKTOP, 'desktop', problems);
  if (desktop) {
    console.log(`  ${await checkStructure(desktop, problems)}`);
    const png = join(dir, 'report-desktop.png');
    await desktop.screenshot({ path: png, fullPage: true });
    outputs.push(`  png ${png}  ${pngSize(png)} px  ${statSync(png).size} bytes`);
    await desktop.emulateMedia({ media: 'print' });
    const pdf = join(dir, 'report.pdf');
    await desktop.pdf({ path: pdf, format: 'A4', printBackground: true });
    outputs.push(`  pdf ${pdf}  ${pdfPages(pdf)} page(s) A4  ${statSync(pdf).size} bytes`);
    await desktop.context().close();
  }
  const phone = await open(browser, url, PHONE, 'phone', problems);
  if (phone) {
    await checkPhoneWidth(phone, problems);
    const png = join(dir, 'report-phone.png');
    await phone.screenshot({ path: png, fullPage: true });
    outputs.splice(1, 0, `  png ${png}  ${pngSize(png)} px  ${statSync(png).size} bytes`);
    await phone.context().close();
  }
  outputs.forEach((line) => console.log(line));
  return problems;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check.mjs REPORT.html...');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
console.log(`browser: ${CHROMIUM} (Chromium ${browser.version()})`);
let failed = 0;
for (const file of files) {
  console.log(`check ${file}`);
  const problems = await checkFile(browser, file);
  if (problems.length) {
    failed += 1;
    for (const p of problems) console.log(`FAIL ${file}: ${p}`);
  } else console.log(`ok   ${file}`);
}
await browser.close();
console.log(`browser-check: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
