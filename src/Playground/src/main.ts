import './style.css';
import { ApiError, ProjectApi, startRender } from './api';
import { ParamsForm } from './form';
import { choiceValues, framesPerSecond } from './movie';
import { Preview, type PreviewMode } from './preview';
import { watchProgress, type Progress } from './progress';
import { Scrubber } from './scrubber';
import { cliSnippet, curlSnippet, dotnetSnippet, fetchSnippet } from './snippets';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const keyInput = byId<HTMLInputElement>('key');
const connectStatus = byId('connect-status');
const projectSelect = byId<HTMLSelectElement>('project');
const movieSelect = byId<HTMLSelectElement>('movie');
const paramsContainer = byId('params');
const validity = byId('validity');
const renderButton = byId<HTMLButtonElement>('render');
const modeSelect = byId<HTMLSelectElement>('preview-mode');
const progressBar = byId<HTMLProgressElement>('progress');
const progressText = byId('progress-text');
const curlPre = byId('snippet-curl');
const fetchPre = byId('snippet-js');
const dotnetPre = byId('snippet-dotnet');
const cliPre = byId('snippet-cli');
const preview = new Preview(byId<HTMLVideoElement>('preview'));
const scrubber = new Scrubber(byId<HTMLInputElement>('scrubber'), byId('scrubber-label'), byId<HTMLImageElement>('still'), preview.element);

let api: ProjectApi | undefined;
let form: ParamsForm | undefined;
let fps = 30;
let validation: AbortController | undefined;
let validationTimer: number | undefined;
let lastToken: string | undefined;

const message = (error: unknown) => (error instanceof ApiError ? `${error.message} (${error.status} ${error.code})` : String((error as Error)?.message ?? error));

function setStatus(target: HTMLElement, text: string, isError = false): void {
  target.textContent = text;
  target.classList.toggle('error', isError);
}

function fill(select: HTMLSelectElement, options: { value: string; label: string }[], empty: string): void {
  select.replaceChildren(new Option(empty, ''), ...options.map((o) => new Option(o.label, o.value)));
  select.disabled = options.length === 0;
}

byId<HTMLFormElement>('connect-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  api = new ProjectApi(keyInput.value.trim());
  setStatus(connectStatus, 'connecting…');
  try {
    const projects = await api.projects();
    fill(projectSelect, projects.map((p) => ({ value: p.uid, label: `${p.name} (${p.uid})` })), projects.length ? 'pick a project' : 'no projects yet');
    setStatus(connectStatus, `connected: ${projects.length} project(s)`);
  } catch (error) {
    api = undefined;
    setStatus(connectStatus, message(error), true);
  }
});

projectSelect.addEventListener('change', async () => {
  fill(movieSelect, [], 'pick a movie');
  clearMovie();
  if (!api || !projectSelect.value) return;
  try {
    const movies = await api.movies(projectSelect.value);
    fill(movieSelect, movies.map((m) => ({ value: m, label: m })), movies.length ? 'pick a movie' : 'no movies in this project');
  } catch (error) {
    setStatus(connectStatus, message(error), true);
  }
});

movieSelect.addEventListener('change', async () => {
  clearMovie();
  if (!api || !movieSelect.value) return;
  const [project, movie] = [projectSelect.value, movieSelect.value];
  try {
    const [variables, stored] = await Promise.all([api.variables(project, movie), api.movie(project, movie)]);
    fps = framesPerSecond(stored);
    form = new ParamsForm(paramsContainer, variables, choiceValues(stored), paramsChanged);
    renderButton.disabled = false;
    paramsChanged();
  } catch (error) {
    setStatus(validity, message(error), true);
  }
});

function clearMovie(): void {
  form = undefined;
  renderButton.disabled = true;
  paramsContainer.replaceChildren();
  setStatus(validity, '');
  curlPre.textContent = fetchPre.textContent = dotnetPre.textContent = cliPre.textContent = '';
}

/** Snippets now; validation a moment after the last keystroke, the answer to an older edit discarded. */
function paramsChanged(): void {
  lastToken = undefined;
  showSnippets();
  window.clearTimeout(validationTimer);
  validationTimer = window.setTimeout(validate, 250);
}

async function validate(): Promise<void> {
  if (!api || !form) return;
  validation?.abort();
  const controller = (validation = new AbortController());
  setStatus(validity, 'checking…');
  try {
    const result = await api.validate(projectSelect.value, movieSelect.value, form.params(), controller.signal);
    if (controller.signal.aborted) return;
    form.show(result.errors, result.warnings);
    const summary = result.valid ? 'valid' : `${result.errors.length} error(s)`;
    setStatus(validity, result.warnings.length ? `${summary}, ${result.warnings.length} warning(s)` : summary, !result.valid);
    validity.dataset.valid = String(result.valid);
  } catch (error) {
    if (!controller.signal.aborted) setStatus(validity, message(error), true);
  }
}

function showSnippets(): void {
  if (!form) return;
  const params = form.params();
  curlPre.textContent = curlSnippet(location.origin, projectSelect.value, movieSelect.value, params, lastToken);
  fetchPre.textContent = fetchSnippet(location.origin, projectSelect.value, movieSelect.value, params);
  dotnetPre.textContent = dotnetSnippet(location.origin, projectSelect.value, movieSelect.value, params);
  cliPre.textContent = cliSnippet(location.origin, projectSelect.value, movieSelect.value, params);
}

function showProgress(progress: Progress): void {
  progressBar.max = Math.max(1, progress.total);
  progressBar.value = progress.done;
  progressBar.dataset.status = progress.status;
  const where = progress.status === 'queued' && progress.position ? `, position ${progress.position} in the queue` : '';
  setStatus(progressText, `${progress.status}: ${progress.done} / ${progress.total} frames${where}`, progress.status === 'failed');
}

renderButton.addEventListener('click', async () => {
  if (!form) return;
  const mode = modeSelect.value as PreviewMode;
  renderButton.disabled = true;
  scrubber.reset();
  preview.clear();
  progressBar.value = 0;
  delete progressBar.dataset.status;
  setStatus(progressText, 'starting…');
  try {
    const token = await startRender(projectSelect.value, movieSelect.value, form.params());
    lastToken = token;
    showSnippets();
    if (mode !== 'render-mp4') void preview.play(mode, token);
    const final = await watchProgress(token, showProgress);
    if (final.status === 'done') {
      if (mode === 'render-mp4') await preview.play(mode, token);
      scrubber.enable(token, final.total, fps);
    }
  } catch (error) {
    setStatus(progressText, message(error), true);
  } finally {
    renderButton.disabled = false;
  }
});
