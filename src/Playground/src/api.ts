// The calls the playground makes: the Project API with the management key (HTTP Basic, as every SDK sends it) and the
// render API, which needs no credentials. Same origin as the page, so no CORS is involved.

export interface Variable {
  name: string;
  defaultvalue: string | null;
  offset: number;
  numframes: number;
  type: 'text' | 'color' | 'url' | 'number' | 'boolean';
}

export interface Finding {
  path: string;
  message: string;
}

export interface Validation {
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
}

export type Params = Record<string, string>;

/** An answer in the API's one error shape, {"error": "code", "message": "a sentence"}. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, init);
  const text = await response.text();
  const body = text.length > 0 ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'http_error', body?.message ?? `HTTP ${response.status}`);
  }
  return body as T;
}

const path = (...segments: string[]) => '/' + segments.map(encodeURIComponent).join('/');

/** The Project API with one management key ("key:secret"). */
export class ProjectApi {
  private readonly authorization: string;

  constructor(keyAndSecret: string) {
    const bytes = new TextEncoder().encode(keyAndSecret);
    this.authorization = 'Basic ' + btoa(String.fromCharCode(...bytes));
  }

  private call<T>(url: string, init: RequestInit = {}): Promise<T> {
    return send<T>(url, { ...init, headers: { ...init.headers, Authorization: this.authorization } });
  }

  async projects(): Promise<{ uid: string; name: string }[]> {
    const body = await this.call<{ Projects: [string, string][] }>('/v1/list/project');
    return body.Projects.map(([uid, name]) => ({ uid, name }));
  }

  async movies(project: string): Promise<string[]> {
    return (await this.call<{ SDLS: string[] }>(path('v1', 'list', 'sdl', project))).SDLS;
  }

  async variables(project: string, movie: string): Promise<Variable[]> {
    return (await this.call<{ variables: Variable[] }>(path('v1', 'sdlvariables', project, movie))).variables;
  }

  /** The stored movie (always JSON), for what sdlvariables does not say: a choice's case values, the frame rate. */
  movie(project: string, movie: string): Promise<unknown> {
    return this.call<unknown>(path('v1', 'sdl', project, movie));
  }

  validate(project: string, movie: string, params: Params, signal: AbortSignal): Promise<Validation> {
    return this.call<Validation>(path('v1', 'validate', project, movie), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ params }),
      signal,
    });
  }
}

/** Queues a render of the mp4 and answers at once with its token (202). */
export async function startRender(project: string, movie: string, params: Params): Promise<string> {
  const body = await send<{ token: string }>(path('v2', 'render', project), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(renderBody(movie, params)),
  });
  return body.token;
}

/** The body startRender posts; the snippets show the same one. */
export function renderBody(movie: string, params: Params): object {
  return { movie, params, async: true };
}
