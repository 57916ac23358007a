// What the browser harnesses of the end-to-end tests (player.mjs, playground.mjs) share: one headless Chromium
// (Debian's, driven by playwright-core over CDP) and a loopback JSON server on the port given as the first argument.
//
//   GET  /health     200 {"ok":true,"browser":"<version>"} once ready, 503 before
//   POST /shutdown   closes the browser and exits
//   anything else    the harness's own routes
//
// Prints "listening <port>" once the browser is up, the harness is prepared and the port is open. Exits when its
// parent process goes away, so a killed test host leaves no browser behind.
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

/**
 * Starts the browser and the server. `routes(method, path, request, browser)` answers with `[status, body, type]`
 * (type defaults to JSON) or undefined for 404; `prepare(browser)` runs once before the harness says it is ready;
 * `failure` is the error code of an answer whose route threw.
 */
export async function runHarness({ usage, routes, prepare = async () => {}, failure }) {
  const port = Number(process.argv[2]);
  if (!Number.isInteger(port) || port <= 0) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }

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

  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    try {
      if (request.method === 'GET' && path === '/health') {
        const ok = ready && browser.isConnected();
        send(response, ok ? 200 : 503, { ok, browser: browser.version() });
      } else if (request.method === 'POST' && path === '/shutdown') {
        send(response, 200, { ok: true });
        await shutdown(0);
      } else {
        const answer = await routes(request.method, path, request, browser);
        if (answer) send(response, ...answer);
        else send(response, 404, { error: 'not_found', message: `${request.method} ${path}` });
      }
    } catch (error) {
      send(response, 500, { error: failure, message: String(error?.message ?? error) });
    }
  });

  server.listen(port, '127.0.0.1', async () => {
    try {
      await prepare(browser, port);
    } catch (error) {
      console.error(`could not prepare the browser: ${error.message}`);
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
}

/** The request's body as JSON ({} when empty). */
export async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

function send(response, status, body, type = 'application/json') {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  response.end(bytes);
}
