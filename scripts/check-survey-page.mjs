#!/usr/bin/env node
// Drives a server's CSAT survey page the way a customer does, in headless Chromium: a resolved conversation gets
// a survey; the page /survey/responses/<uuid> is opened, a rating chosen and submitted; then the public CSAT API
// must return that rating.
//
//   node scripts/check-survey-page.mjs --base-url http://127.0.0.1:3000 --inbox IDENTIFIER [--screenshot FILE]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';

const { values: args } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    inbox: { type: 'string' },
    rating: { type: 'string', default: '4' },
    screenshot: { type: 'string', default: 'target/survey-screenshot.png' },
  },
});
if (!args['base-url'] || !args.inbox) {
  console.error('usage: check-survey-page.mjs --base-url URL --inbox IDENTIFIER [--rating 1-5] [--screenshot FILE]');
  process.exit(2);
}
const base = args['base-url'].replace(/\/+$/, '');
const rating = Number(args.rating);
const feedback = 'Quick and friendly, thanks.';
const inboxPath = `/public/api/v1/inboxes/${encodeURIComponent(args.inbox)}`;
let passed = 0;
let failed = 0;

async function call(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** Polls until `probe` returns a value; the contract records CSAT ratings asynchronously. */
async function eventually(what, probe, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

function check(name, ok, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
}

const contact = await call('POST', `${inboxPath}/contacts`, { name: 'Survey Check', email: `survey-${Date.now()}@example.com` });
const conversationsPath = `${inboxPath}/contacts/${encodeURIComponent(contact.source_id)}/conversations`;
const conversation = await call('POST', conversationsPath, {});
await call('POST', `${conversationsPath}/${conversation.id}/toggle_status`);
const surveyPath = `/public/api/v1/csat_survey/${conversation.uuid}`;
const before = await eventually('the CSAT survey of the resolved conversation', () => call('GET', surveyPath));
console.log(`conversation ${conversation.id} (uuid ${conversation.uuid}) resolved; survey ${before.id} sent`);
check('no rating before the page is used', before.csat_survey_response === null, JSON.stringify(before.csat_survey_response));

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const url = `${base}/survey/responses/${conversation.uuid}`;
  const response = await page.goto(url);
  check(`GET ${url}`, response?.status() === 200 && /text\/html/.test(response.headers()['content-type'] ?? ''),
    `${response?.status()} ${response?.headers()['content-type']}`);

  const choice = page.locator(`[data-rating="${rating}"]`);
  await choice.waitFor({ state: 'visible', timeout: 10_000 });
  await choice.click();
  check(`rating ${rating} selected`, (await choice.getAttribute('aria-pressed')) === 'true');
  await page.locator('textarea[name="feedback_message"]').fill(feedback);
  const submitted = page.waitForResponse((r) => r.url().endsWith(surveyPath) && r.request().method() !== 'GET');
  await page.locator('button[type="submit"]').click();
  const submit = await submitted;
  check(`the page submits (${submit.request().method()} ${surveyPath})`, submit.status() === 200, `HTTP ${submit.status()}`);
  await page.getByRole('status').waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {});
  mkdirSync(dirname(resolve(args.screenshot)), { recursive: true });
  await page.screenshot({ path: args.screenshot });
  console.log(`  screenshot ${resolve(args.screenshot)}`);
  check('no script errors on the page', pageErrors.length === 0, pageErrors.join('; '));
} finally {
  await browser.close();
}

const after = await eventually(`rating ${rating} in GET ${surveyPath}`, async () => {
  const survey = await call('GET', surveyPath);
  return survey.csat_survey_response?.rating === rating ? survey : null;
}).catch((e) => {
  console.log(`  ${e.message}`);
  return null;
});
check(`GET ${surveyPath} returns rating ${rating}`, after !== null, after ? JSON.stringify(after.csat_survey_response) : '');
check('and the feedback typed on the page', after?.csat_survey_response?.feedback_message === feedback,
  after?.csat_survey_response?.feedback_message);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
