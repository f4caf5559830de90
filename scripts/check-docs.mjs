#!/usr/bin/env node
// Checks the rendered contract (docs.html from `redocly build-docs --inlineBundle`) as a reader would open it: from
// a file:// URL with no network, in headless Chromium. Every operation of openapi.yaml must really be rendered (not
// only present in the JSON state the page embeds), with the examples of its default view.
//
//   node scripts/check-docs.mjs [docs.html] [openapi.yaml] [screenshot.png]
//
// Redoc 3 routes with the URL hash: the overview at #/, one page per tag (#/contacts) listing its operations in the
// sidebar, one deep link per operation (#/contacts/createcontact).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exampleMarkers, loadSpec, operations } from './lib/spec.mjs';
import { launch, runChromium, visibleText } from './lib/browser.mjs';

const docsFile = resolve(process.argv[2] ?? 'spec/target/classes/chatwoot-public-api/docs.html');
const specFile = resolve(process.argv[3] ?? 'openapi.yaml');
const screenshot = resolve(process.argv[4] ?? 'target/docs-screenshot.png');
if (!existsSync(docsFile)) {
  console.error(`no rendered docs at ${docsFile}: run npm ci, then ./mvnw verify (or npm run docs)`);
  process.exit(2);
}
const docsUrl = pathToFileURL(docsFile).href;
const spec = loadSpec(specFile);
const ops = operations(spec);
const failures = [];
const fail = (message) => { failures.push(message); console.log(`  FAIL ${message}`); };
const normalize = (text) => text.replace(/\s+/g, ' ').trim();

// --- 1. plain headless Chromium: --dump-dom of the overview and of every tag page, plus a screenshot ------------
console.log(`docs: ${docsFile} (${ops.length} operations in ${specFile})`);
const started = Date.now();
const tags = [...new Set(ops.flatMap((op) => op.tags))];
// Redoc's slug of a tag name, as in its sidebar links (checked below: a wrong slug renders no operation)
const tagRoute = (tag) => `#/${tag.toLowerCase().replace(/\s+/g, '-')}`;
const dumps = [{ route: '#/', expect: [spec.info.title] },
  ...tags.map((tag) => ({ route: tagRoute(tag), expect: ops.filter((op) => op.tags.includes(tag)).map((op) => op.summary) }))];
for (let i = 0; i < dumps.length; i += 2) {
  // two at a time: one Chromium per core
  await Promise.all(dumps.slice(i, i + 2).map(async ({ route, expect }) => {
    const text = normalize(visibleText(await runChromium(docsUrl + route, ['--dump-dom'])));
    const missing = expect.filter((s) => !text.includes(s));
    if (missing.length) fail(`--dump-dom ${route}: not rendered: ${missing.map((s) => `'${s}'`).join(', ')}`);
    else console.log(`  ok   --dump-dom ${route}: ${expect.length} of ${expect.length} rendered`);
  }));
}
mkdirSync(dirname(screenshot), { recursive: true });
await runChromium(docsUrl, ['--window-size=1400,1000', '--hide-scrollbars', `--screenshot=${screenshot}`]);
console.log(`  ok   screenshot ${screenshot} (${((Date.now() - started) / 1000).toFixed(1)} s for Chromium runs)`);

// --- 2. Playwright: every operation's own page shows its summary and its examples -------------------------------
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const blocked = [];
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.url().startsWith('file:')) return route.continue();
    blocked.push(`${request.resourceType()} ${request.url()}`);
    return route.abort('internetdisconnected');
  });

  // where each operation lives: the sidebar of its tag page links it as '<summary> <METHOD>'
  const links = new Map();
  for (const tag of tags) {
    await page.goto(docsUrl + tagRoute(tag));
    const route = tagRoute(tag);
    // a tag page without links makes each of its operations fail below
    await page.waitForSelector(`.menu-content a[href^="${route}/"]`, { timeout: 15_000 }).catch(() => {});
    for (const { href, text } of await page.$$eval(`.menu-content a[href^="${route}/"]`,
      (as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.innerText })))) {
      links.set(normalize(text), href);
    }
  }

  const summaries = ops.map((op) => op.summary);
  for (const op of ops) {
    const href = links.get(`${op.summary} ${op.method}`);
    if (!href) {
      fail(`${op.method} ${op.path}: no sidebar link '${op.summary} ${op.method}'`);
      continue;
    }
    await page.goto(docsUrl + href);
    // the largest element around the operation's heading that holds no other operation's heading
    const shown = await page.waitForFunction(({ summary, summaries }) => {
      const heading = [...document.querySelectorAll('.api-content h1, .api-content h2')]
        .find((h) => h.innerText.trim() === summary);
      if (!heading) return null;
      const headingsIn = (el) => [...el.querySelectorAll('h1, h2')].filter((h) => summaries.includes(h.innerText.trim())).length;
      let section = heading;
      while (section.parentElement && headingsIn(section.parentElement) === 1) section = section.parentElement;
      return section.innerText;
    }, { summary: op.summary, summaries }, { timeout: 15_000 }).then((handle) => handle.jsonValue()).catch(() => null);
    if (shown === null) {
      fail(`${op.method} ${op.path}: '${op.summary}' not rendered at ${href}`);
      continue;
    }
    const text = normalize(shown);
    const markers = exampleMarkers(spec, op);
    const missing = markers.filter((m) => !text.includes(normalize(m.text)));
    if (missing.length) fail(`${op.method} ${op.path} (${href}): examples not shown: ${missing.map((m) => `${m.where} ('${m.text}')`).join('; ')}`);
    else console.log(`  ok   ${op.method} ${op.path}: '${op.summary}' with ${markers.length} example(s)`);
    if (op === ops.find((o) => o.op.requestBody)) {
      const file = screenshot.replace(/\.png$/, '-operation.png');
      await page.screenshot({ path: file });
      console.log(`       screenshot ${file}`);
    }
  }

  // the page must not depend on the network; Redoc's "API docs by" badge image may try, and hides itself
  const needed = blocked.filter((b) => !b.startsWith('image '));
  if (needed.length) fail(`the page requested from the network: ${needed.join(', ')}`);
  if (blocked.length > needed.length) console.log(`  note blocked image requests: ${blocked.length - needed.length}`);
} finally {
  await browser.close();
}

// one check per Chromium dump, per operation and for the network
console.log(`${dumps.length + ops.length + 1 - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length ? 1 : 0);
