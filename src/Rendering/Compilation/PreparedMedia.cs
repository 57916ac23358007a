namespace Orleans.Render.Rendering.Compilation;

/// <summary>A video or audio source as a checked local file, with its length and whether it has sound.</summary>
public sealed record PreparedMedia(string Path, double DurationSeconds, bool HasAudio);
