// A render's progress as it happens: Server-Sent Events from GET /v2/progress/{token}/events ("progress" events with
// the polling body, then "end"); when the event stream cannot be opened at all (an old server, a proxy that buffers),
// GET /v2/progress/{token} every half second instead.

export interface Progress {
  done: number;
  total: number;
  status: 'pending' | 'queued' | 'rendering' | 'done' | 'failed' | 'cancelled';
  position: number | null;
}

const ended = (progress: Progress) => progress.status === 'done' || progress.status === 'failed' || progress.status === 'cancelled';

/** Calls onProgress with each state of token's latest output until it ends; resolves with the last one. */
export function watchProgress(token: string, onProgress: (progress: Progress) => void): Promise<Progress> {
  return new Promise((resolve, reject) => {
    const base = `/v2/progress/${encodeURIComponent(token)}`;
    const events = new EventSource(`${base}/events`);
    let last: Progress | undefined;
    const finish = () => {
      events.close();
      if (last) resolve(last);
      else poll(base, onProgress).then(resolve, reject);
    };
    events.addEventListener('progress', (event) => {
      last = JSON.parse((event as MessageEvent<string>).data) as Progress;
      onProgress(last);
      if (ended(last)) finish();
    });
    events.addEventListener('end', finish);
    events.addEventListener('error', () => {
      // CONNECTING means the browser reconnects by itself; CLOSED means it gave up (not an event stream, or refused).
      if (events.readyState !== EventSource.CLOSED) return;
      events.close();
      poll(base, onProgress).then(resolve, reject);
    });
  });
}

async function poll(url: string, onProgress: (progress: Progress) => void): Promise<Progress> {
  for (;;) {
    const response = await fetch(url, { cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) throw new Error(body?.message ?? `progress answered HTTP ${response.status}`);
    const progress = body as Progress;
    onProgress(progress);
    if (ended(progress)) return progress;
    await new Promise((wake) => setTimeout(wake, 500));
  }
}
