// A long-running playback probe for the end-to-end tests: one headless Chromium (Debian's, driven by
// playwright-core over CDP) and a loopback HTTP server.
//
//   node tests/browser/player.mjs <port>
//
//   GET  /health       200 {"ok":true,"browser":"<version>"} once ready, 503 before
//   POST /play         {"url":"…","kind":"native"|"hls","timeoutMs":60000} → the result of player.html's play()
//   POST /shutdown     closes the browser and exits
//   GET  /player.html  the page each play runs in; GET /hls.min.js: hls.js from node_modules (no CDN)
//
// Prints "listening <port>" once the browser and its page are up and the port is open. Exits when its parent
// process goes away, so a killed test host leaves no browser behind.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node player.mjs <port>');
  process.exit(2);
}

const require = createRequire(import.meta.url);
const playerHtml = await readFile(new URL('./player.html', import.meta.url));
const hlsScript = await readFile(require.resolve('hls.js/dist/hls.min.js'));

let shuttingDown = false;
let ready = false;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  // CI runs as root, where Chromium refuses to start with its sandbox.
  args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--mute-audio'],
});
browser.on('disconnected', () => {
  if (!shuttingDown) {
    console.error('chromium went away');
    process.exit(1);
  }
});

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  server.close();
  await browser.close().catch(() => {});
  process.exit(code);
}

const kinds = new Set(['native', 'hls']);

// One page serves every play, each in a <video> of its own: a new context and page cost about a second on a busy
// two-core machine, the same page nothing. Plays may run in parallel. The HTTP cache is off, so playing a URL twice
// asks the server twice. A page that crashed or stopped answering is replaced.
let playerTab = null;

function openPage() {
  const opening = (async () => {
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await tab.goto(`http://127.0.0.1:${port}/player.html`);
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

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(response, status, body, type = 'application/json') {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  response.end(bytes);
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url, 'http://localhost').pathname;
  try {
    if (request.method === 'GET' && path === '/health') {
      // Healthy once the page is open too, so the first play costs no more than the others.
      send(response, ready && browser.isConnected() ? 200 : 503, { ok: ready && browser.isConnected(), browser: browser.version() });
    } else if (request.method === 'GET' && path === '/player.html') {
      send(response, 200, playerHtml, 'text/html; charset=utf-8');
    } else if (request.method === 'GET' && path === '/hls.min.js') {
      send(response, 200, hlsScript, 'text/javascript');
    } else if (request.method === 'POST' && path === '/play') {
      const body = await readJson(request);
      if (typeof body.url !== 'string' || !kinds.has(body.kind ?? 'native') || !(body.timeoutMs === undefined || body.timeoutMs > 0)) {
        send(response, 400, { error: 'bad_request', message: 'expected {"url": string, "kind": "native" | "hls", "timeoutMs": number}' });
        return;
      }
      send(response, 200, await play(body));
    } else if (request.method === 'POST' && path === '/shutdown') {
      send(response, 200, { ok: true });
      await shutdown(0);
    } else {
      send(response, 404, { error: 'not_found', message: `${request.method} ${path}` });
    }
  } catch (error) {
    send(response, 500, { error: 'player_failed', message: String(error?.message ?? error) });
  }
});

server.listen(port, '127.0.0.1', async () => {
  try {
    playerTab = openPage();
    await playerTab;
  } catch (error) {
    console.error(`could not open the player page: ${error.message}`);
    await shutdown(1);
    return;
  }
  ready = true;
  console.log(`listening ${port}`);
});

process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(0));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown(0);
}, 1000).unref();
