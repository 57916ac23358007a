// The frame scrubber: a slider over the render's frames showing each frame as a still (GET /v2/render/{token}.jpg?frame=N,
// rendered once per frame and quality and stored), and moving the preview there when that part is already playable.

export class Scrubber {
  private token = '';
  private fps = 30;
  private timer: number | undefined;

  constructor(
    private readonly range: HTMLInputElement,
    private readonly label: HTMLElement,
    private readonly still: HTMLImageElement,
    private readonly video: HTMLVideoElement,
  ) {
    range.addEventListener('input', () => {
      this.label.textContent = `frame ${range.value}`;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.show(true), 250);
    });
  }

  reset(): void {
    this.range.disabled = true;
    this.still.removeAttribute('src');
    this.still.hidden = true;
    this.label.textContent = 'available once the render is done';
  }

  enable(token: string, frames: number, fps: number): void {
    this.token = token;
    this.fps = fps;
    this.range.min = '0';
    this.range.max = String(Math.max(0, frames - 1));
    this.range.value = '0';
    this.range.disabled = false;
    this.label.textContent = 'frame 0';
    this.show(false);
  }

  /** Shows the slider's frame as a still; seek moves the preview there too (only when the user moved the slider). */
  private show(seek: boolean): void {
    const frame = Number(this.range.value);
    this.still.hidden = false;
    this.still.src = `/v2/render/${encodeURIComponent(this.token)}.jpg?frame=${frame}&q=80`;
    this.still.alt = `frame ${frame}`;
    const time = frame / this.fps;
    const seekable = this.video.seekable;
    if (seek && seekable.length > 0 && time <= seekable.end(seekable.length - 1)) this.video.currentTime = time;
  }
}
