// Drives the playground page (/playground) in one headless Chromium (Debian's, through playwright-core) as a user
// would, for the end-to-end tests; the same approach as player.mjs.
//
//   node tests/browser/playground.mjs <port>
//
//   POST /render     {"url", "key", "project", "movie", "params": {name: value}, "mode", "timeoutMs"} → what the user saw:
//                    the generated fields, every progress state shown, the video's end, the still, the snippets
//   POST /validate   {"url", "key", "project", "movie", "params", "timeoutMs"} → the findings shown under each field
//
// Each call runs in a fresh browser context (its own page and cache). /health, /shutdown, start-up and exit are
// harness.mjs's.
import { readJson, runHarness } from './harness.mjs';

/** Opens the playground, connects with the key, picks project and movie and fills the params as a user types them. */
async function openMovie(page, { url, key, project, movie, params = {} }) {
  await page.goto(url);
  await page.fill('#key', key);
  await page.click('#connect');
  await page.waitForSelector(`#project option[value="${project}"]`, { state: 'attached' });
  await page.selectOption('#project', project);
  await page.waitForSelector(`#movie option[value="${movie}"]`, { state: 'attached' });
  await page.selectOption('#movie', movie);
  await page.waitForSelector('#params .field');
  for (const [name, value] of Object.entries(params)) {
    const row = `#params .field[data-param="${name}"]`;
    const type = await page.getAttribute(row, 'data-type');
    if (type === 'choice') await page.selectOption(`${row} select`, value);
    else if (type === 'boolean') await page.setChecked(`${row} input[type=checkbox]`, value === 'true');
    else if (type === 'color') await page.locator(`${row} input[type=text]`).pressSequentially(value);
    else await page.locator(`${row} input`).pressSequentially(value);
  }
}

/** The form as generated: each field's name, type, input types and (for a choice) its options. */
function fields(page) {
  return page.$$eval('#params .field', (rows) => rows.map((row) => ({
    name: row.dataset.param,
    type: row.dataset.type,
    inputs: [...row.querySelectorAll('input, select')].map((e) => (e.tagName === 'SELECT' ? 'select' : e.type)),
    options: [...row.querySelectorAll('option')].map((o) => o.value),
  })));
}

async function render(page, request) {
  const timeout = request.timeoutMs ?? 60000;
  await openMovie(page, request);
  await page.waitForFunction(() => document.querySelector('#validity').dataset.valid !== undefined, null, { timeout });
  // Every state the progress line shows, as the user saw them one after the other.
  await page.evaluate(() => {
    const bar = document.querySelector('#progress');
    window.progressSeen = [];
    new MutationObserver(() => {
      if (bar.dataset.status) window.progressSeen.push({ status: bar.dataset.status, done: bar.value, total: bar.max });
    }).observe(document.querySelector('#progress-text'), { childList: true, characterData: true, subtree: true });
  });
  if (request.mode) await page.selectOption('#preview-mode', request.mode);
  const form = await fields(page);
  await page.click('#render');
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.querySelector('#progress').dataset.status), null, { timeout });
  const progressText = await page.textContent('#progress-text');
  const status = await page.getAttribute('#progress', 'data-status');
  let video = null;
  let still = null;
  if (status === 'done') {
    await page.waitForFunction(() => document.querySelector('#preview').ended, null, { timeout });
    video = await page.$eval('#preview', (v) => ({
      ended: v.ended,
      duration: Number.isFinite(v.duration) ? v.duration : null,
      currentTime: v.currentTime,
      width: v.videoWidth,
      height: v.videoHeight,
      src: v.dataset.src,
    }));
    // The scrubber: drag to the last frame and wait for its still.
    await page.$eval('#scrubber', (range) => {
      range.value = range.max;
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => {
      const image = document.querySelector('#still');
      return !image.hidden && image.complete && image.naturalWidth > 0 && image.src.includes(`frame=${document.querySelector('#scrubber').max}`);
    }, null, { timeout });
    still = await page.$eval('#still', (image) => ({ src: image.getAttribute('src'), width: image.naturalWidth, height: image.naturalHeight }));
  }
  return {
    fields: form,
    progress: await page.evaluate(() => window.progressSeen),
    status,
    progressText,
    video,
    still,
    scrubberMax: Number(await page.getAttribute('#scrubber', 'max')),
    curl: await page.textContent('#snippet-curl'),
    javaScript: await page.textContent('#snippet-js'),
    dotnet: await page.textContent('#snippet-dotnet'),
    cli: await page.textContent('#snippet-cli'),
  };
}

async function validate(page, request) {
  const timeout = request.timeoutMs ?? 30000;
  await openMovie(page, request);
  // Waits for an error under the param typed last that quotes its whole value: earlier keystrokes' answers come first.
  const [name, value] = Object.entries(request.params ?? {}).at(-1);
  await page.waitForFunction(([n, v]) => [...document.querySelectorAll(`#params .field[data-param="${n}"] .findings li.error`)]
    .some((li) => li.textContent.includes(`'${v}'`)), [name, value], { timeout });
  return {
    fields: await page.$$eval('#params .field', (rows) => rows.map((row) => ({
      name: row.dataset.param,
      invalid: row.classList.contains('invalid'),
      errors: [...row.querySelectorAll('.findings li.error')].map((li) => li.textContent),
      warnings: [...row.querySelectorAll('.findings li.warning')].map((li) => li.textContent),
    }))),
    validity: await page.textContent('#validity'),
  };
}

async function withPage(browser, run, request) {
  const context = await browser.newContext();
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // A failed load is reported with its URL here; the console's own line for it names none.
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.request().method()} ${response.url()}`));
    // ERR_ABORTED is the page cancelling on purpose: a validation overtaken by a keystroke, a closed event stream.
    page.on('requestfailed', (failed) => {
      const error = failed.failure()?.errorText;
      if (error !== 'net::ERR_ABORTED') problems.push(`failed ${failed.method()} ${failed.url()}: ${error}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
    });
    return { ...(await run(page, request)), problems };
  } finally {
    await context.close().catch(() => {});
  }
}

const scenarios = { '/render': render, '/validate': validate };

await runHarness({
  usage: 'node playground.mjs <port>',
  failure: 'playground_failed',
  routes: async (method, path, request, browser) =>
    method === 'POST' && scenarios[path] ? [200, await withPage(browser, scenarios[path], await readJson(request))] : undefined,
});
