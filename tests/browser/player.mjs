// A long-running playback probe for the end-to-end tests: one headless Chromium (Debian's, driven by
// playwright-core over CDP) and a loopback HTTP server.
//
//   node tests/browser/player.mjs <port>
//
//   POST /play         {"url":"…","kind":"native"|"hls","timeoutMs":60000} → the result of player.html's play()
//   GET  /player.html  the page each play runs in; GET /hls.min.js: hls.js from node_modules (no CDN)
//
// /health, /shutdown, start-up and exit are harness.mjs's; this one is ready once its page is open.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { readJson, runHarness } from './harness.mjs';

const require = createRequire(import.meta.url);
const playerHtml = await readFile(new URL('./player.html', import.meta.url));
const hlsScript = await readFile(require.resolve('hls.js/dist/hls.min.js'));

const kinds = new Set(['native', 'hls']);

// One page serves every play, each in a <video> of its own: a new context and page cost about a second on a busy
// two-core machine, the same page nothing. Plays may run in parallel. The HTTP cache is off, so playing a URL twice
// asks the server twice. A page that crashed or stopped answering is replaced.
let playerTab = null;
let browser = null;
let pageUrl = null;

function openPage() {
  const opening = (async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await tab.goto(pageUrl);
      tab.on('crash', () => forget(opening));
      tab.on('close', () => forget(opening));
      return tab;
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  })();
  opening.catch(() => forget(opening));
  return opening;
}

function forget(opening) {
  if (playerTab === opening) playerTab = null;
}

async function play({ url, kind = 'native', timeoutMs = 60000 }) {
  playerTab ??= openPage();
  const opening = playerTab;
  const tab = await opening;
  try {
    // The page enforces timeoutMs itself; this margin only catches a page that stopped answering.
    return await withTimeout(tab.evaluate(([u, k, t]) => window.play(u, k, t), [url, kind, timeoutMs]), timeoutMs + 10000);
  } catch (error) {
    forget(opening);
    await tab.context().close().catch(() => {});
    throw error;
  }
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the page did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const invalid = [400, { error: 'bad_request', message: 'expected {"url": string, "kind": "native" | "hls", "timeoutMs": number}' }];

await runHarness({
  usage: 'node player.mjs <port>',
  failure: 'player_failed',
  // Healthy once the page is open too, so the first play costs no more than the others.
  prepare: async (started, port) => {
    browser = started;
    pageUrl = `http://127.0.0.1:${port}/player.html`;
    playerTab = openPage();
    await playerTab;
  },
  routes: async (method, path, request) => {
    if (method === 'GET' && path === '/player.html') return [200, playerHtml, 'text/html; charset=utf-8'];
    if (method === 'GET' && path === '/hls.min.js') return [200, hlsScript, 'text/javascript'];
    if (method === 'POST' && path === '/play') {
      const body = await readJson(request);
      const valid = typeof body.url === 'string' && kinds.has(body.kind ?? 'native') && (body.timeoutMs === undefined || body.timeoutMs > 0);
      return valid ? [200, await play(body)] : invalid;
    }
    return undefined;
  },
});
