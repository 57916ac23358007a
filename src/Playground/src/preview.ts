// The preview player. The streaming modes start at once and play while the pieces render (docs/api.md, Retrieval
// modes); "render" waits for the render to finish and plays the stored mp4, which seeks anywhere.
import type Hls from 'hls.js/light';

export type PreviewMode = 'get-mp4' | 'play-webm' | 'hls' | 'render-mp4';

export const previewUrls: Record<PreviewMode, (token: string) => string> = {
  'get-mp4': (token) => `/v2/get/${token}.mp4`,
  'play-webm': (token) => `/v2/play/${token}.webm`,
  hls: (token) => `/v2/get/${token}.m3u8`,
  'render-mp4': (token) => `/v2/render/${token}.mp4`,
};

export class Preview {
  private hls: Hls | undefined;

  constructor(private readonly video: HTMLVideoElement) {}

  get element(): HTMLVideoElement {
    return this.video;
  }

  clear(): void {
    this.hls?.destroy();
    this.hls = undefined;
    this.video.removeAttribute('src');
    this.video.load();
  }

  async play(mode: PreviewMode, token: string): Promise<void> {
    this.clear();
    const url = previewUrls[mode](token);
    this.video.dataset.src = url;
    if (mode === 'hls' && !this.video.canPlayType('application/vnd.apple.mpegurl')) {
      // hls.js's light build (no subtitles or DRM), bundled from npm and loaded only when asked for; Chromium plays HLS only through it.
      const { default: HlsPlayer } = await import('hls.js/light');
      this.hls = new HlsPlayer();
      this.hls.loadSource(url);
      this.hls.attachMedia(this.video);
    } else {
      this.video.src = url;
    }
    // Browsers may refuse to start with sound without a recent click; the controls are there to start it by hand.
    await this.video.play().catch(() => undefined);
  }
}
