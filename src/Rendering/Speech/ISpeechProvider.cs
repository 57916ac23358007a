namespace Orleans.Render.Rendering.Speech;

/// <summary>A voice: turns a <see cref="SpeechRequest"/> into an audio file ffmpeg can read (WAV, MP3, Ogg, …).</summary>
public interface ISpeechProvider
{
    /// <summary>
    /// What decides this provider's sound besides the request (its name and, for a hosted voice, its endpoint); part of
    /// the cache key, so changing provider never reuses another provider's audio.
    /// </summary>
    string Identity { get; }

    Task SynthesizeAsync(SpeechRequest request, string outputPath, CancellationToken cancellationToken);
}
