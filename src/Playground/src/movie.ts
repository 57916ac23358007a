// What the playground reads from a stored movie beyond /v1/sdlvariables: the values each choice variable picks a case
// by (docs/movie-format.md#scene-kinds) and the frame rate, to turn a still's frame into a time in the video.

interface SceneJson {
  type?: string;
  variable?: string;
  cases?: SceneJson[];
  case?: string | number | boolean;
  default?: SceneJson;
}

interface MovieJson {
  fps?: number | string;
  scenes?: SceneJson[];
}

/** For every choice variable, its case values in authored order (a variable used by several choices gets them all). */
export function choiceValues(movie: unknown): Map<string, string[]> {
  const choices = new Map<string, string[]>();
  const visit = (scene: SceneJson | undefined) => {
    if (scene === undefined || scene === null || typeof scene !== 'object') return;
    if (scene.type === 'choice' && typeof scene.variable === 'string') {
      const values = choices.get(scene.variable) ?? [];
      for (const option of scene.cases ?? []) {
        const value = option?.case;
        if (value !== undefined && value !== null && !values.includes(String(value))) values.push(String(value));
      }
      choices.set(scene.variable, values);
    }
    for (const option of scene.cases ?? []) visit(option);
    visit(scene.default);
  };
  for (const scene of (movie as MovieJson)?.scenes ?? []) visit(scene);
  return choices;
}

/** Frames per second: a number, or NTSC's "30000/1001"; 30 (the format's default) when the movie does not say. */
export function framesPerSecond(movie: unknown): number {
  const fps = (movie as MovieJson)?.fps;
  if (typeof fps === 'number' && fps > 0) return fps;
  if (typeof fps === 'string') {
    const [numerator, denominator = '1'] = fps.split('/');
    const value = Number(numerator) / Number(denominator);
    if (Number.isFinite(value) && value > 0) return value;
  }
  return 30;
}
