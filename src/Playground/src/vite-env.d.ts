/// <reference types="vite/client" />

// hls.js ships types for its full build only; the light build has the same API for what the preview uses.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
