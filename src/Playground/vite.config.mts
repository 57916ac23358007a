import { defineConfig } from 'vite';

// Built by scripts/prerequisites.sh (npm run build:playground) into dist/, which the API project copies to its output
// and serves at /playground; nothing is fetched from a CDN at run time. `npx vite src/Playground` serves it with live
// reload and passes the API calls to ./run.sh's API (PLAYGROUND_API for another).
const api = process.env.PLAYGROUND_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/playground/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Rolldown reports plugin timings when a build is slow, which on a busy machine says nothing about the page.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: { '/v1': api, '/v2': api },
  },
});
