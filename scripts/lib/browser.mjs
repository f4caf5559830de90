// Headless Debian Chromium, offline: the flags without which it either renders too early or keeps trying to reach
// Google's hosts on a machine whose network is closed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const OFFLINE_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // nothing but file:// and loopback resolves, so a page that needs the network fails visibly
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/** Runs Chromium once on a URL in a fresh profile (e.g. --dump-dom, --screenshot=FILE); resolves with stdout. */
export function runChromium(url, extraArgs, timeoutMs = 60_000) {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const args = [...OFFLINE_FLAGS, `--user-data-dir=${profile}`, '--virtual-time-budget=8000', ...extraArgs, url];
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0) resolve(stdout);
      else reject(new Error(`chromium ${signal ? `killed (${signal}) after ${timeoutMs} ms` : `exited ${code}`} on ${url}\n${stderr.slice(-2000)}`));
    });
  });
}

/** Playwright-driven Chromium with the same flags (Playwright adds --headless and its own profile). */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: OFFLINE_FLAGS.filter((flag) => flag !== '--headless'),
  });
}

/** The text a reader sees: markup without scripts (Redoc keeps the whole spec as JSON in one), styles and tags. */
export function visibleText(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
