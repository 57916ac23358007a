import { defineConfig } from 'vite';

// Built by scripts/prerequisites.sh (npm run build:playground) into dist/, which the API project copies to its output
// and serves at /playground; nothing is fetched from a CDN at run time.
export default defineConfig({
  base: '/playground/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
});
