// The same render from a shell and from code, with the params of the form (and the token once there is one).
import { renderBody, type Params } from './api';

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlSnippet(origin: string, project: string, movie: string, params: Params, token?: string): string {
  const body = JSON.stringify(renderBody(movie, params));
  const t = token ?? '<token>';
  return [
    `curl -s -X POST ${shellQuote(`${origin}/v2/render/${project}`)} -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
    `# 202 {"token":"${t}","url":…}`,
    `curl -sN ${origin}/v2/progress/${t}/events      # progress as Server-Sent Events`,
    `curl -s -o ${movie}.mp4 ${origin}/v2/render/${t}.mp4`,
    `curl -s -o frame.jpg ${shellQuote(`${origin}/v2/render/${t}.jpg?frame=0&q=80`)}`,
  ].join('\n');
}

export function fetchSnippet(origin: string, project: string, movie: string, params: Params): string {
  return [
    `const api = ${JSON.stringify(origin)};`,
    `const answer = await fetch(\`\${api}/v2/render/${project}\`, {`,
    `  method: 'POST',`,
    `  headers: { 'Content-Type': 'application/json' },`,
    `  body: JSON.stringify(${JSON.stringify(renderBody(movie, params))}),`,
    `});`,
    `const { token } = await answer.json();`,
    `const events = new EventSource(\`\${api}/v2/progress/\${token}/events\`);`,
    `events.addEventListener('progress', (e) => console.log(JSON.parse(e.data)));  // {done, total, status, …}`,
    `events.addEventListener('end', () => {`,
    `  events.close();`,
    `  video.src = \`\${api}/v2/render/\${token}.mp4\`;`,
    `});`,
  ].join('\n');
}

const csharpString = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** The .NET client (src/Client): render in the background, follow its progress events, download the mp4. */
export function dotnetSnippet(origin: string, project: string, movie: string, params: Params): string {
  const entries = Object.entries(params).map(([name, value]) => `    [${csharpString(name)}] = ${csharpString(value)},`);
  return [
    `services.AddOrleansRenderClient(o => o.BaseAddress = new Uri(${csharpString(origin)}));`,
    `// … then, with an OrleansRenderClient from dependency injection:`,
    `var request = new RenderRequest(${csharpString(movie)}, new Dictionary<string, string>`,
    `{`,
    ...entries,
    `}) { Async = true };`,
    `var render = await client.RenderAsync(${csharpString(project)}, request);`,
    `await foreach (var progress in client.WatchProgressAsync(render.Token))`,
    `    Console.WriteLine($"{progress.Status}: {progress.Done} / {progress.Total}");`,
    `await client.DownloadToFileAsync(render.Token, "mp4", ${csharpString(`${movie}.mp4`)});`,
  ].join('\n');
}

/** The CLI (orender): the same render with a progress bar, downloaded when done. */
export function cliSnippet(origin: string, project: string, movie: string, params: Params): string {
  const args = Object.entries(params).map(([name, value]) => ` -p ${shellQuote(`${name}=${value}`)}`).join('');
  return `orender --url ${origin} render ${project} ${shellQuote(movie)}${args}`;
}
