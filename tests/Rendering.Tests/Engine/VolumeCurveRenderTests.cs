using Orleans.Render.Rendering.Compilation;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Gain in decibels and volume curves, measured in the decoded sound.</summary>
public sealed class VolumeCurveRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    // ffmpeg's sine source has amplitude 1/8.
    private const double Full = 0.125;

    private string tone = "";

    public async Task InitializeAsync() => tone = fixture.Media.AddFile("tone.wav", await TestMedia.ToneAsync(1000, 3));

    public Task DisposeAsync() => Task.CompletedTask;

    private static double At(float[] samples, double seconds) => TestMedia.Amplitude(samples, 1000, (int)(seconds * 48000) - 1200, 2400);

    [Fact]
    public async Task A_gain_of_minus_6_db_halves_the_amplitude()
    {
        var movie = await fixture.RenderAsync(EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [{"type": "audio", "url": "{{tone}}", "gain": -6}]}]}
            """), OutputFormat.Mp4);

        Assert.InRange(At(await TestMedia.DecodeSoundAsync(movie), 0.5), Full * 0.45, Full * 0.56);
    }

    [Fact]
    public async Task A_volume_curve_ramps_the_sound_between_its_points_and_holds_its_ends()
    {
        var movie = await fixture.RenderAsync(EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 2.4, "layers": [
              {"type": "audio", "url": "{{tone}}", "start": 0.2, "volumeCurve": [{"time": 0.4, "volume": 1}, {"time": 1.4, "volume": 0}, {"time": 1.8, "volume": 0.5}]}]}]}
            """), OutputFormat.Mp4);

        var samples = await TestMedia.DecodeSoundAsync(movie);
        // Layer time = movie time − 0.2 s: full until 0.6 s, linear to silence at 1.6 s, then up to half at 2.0 s and held.
        Assert.InRange(At(samples, 0.4), Full * 0.9, Full * 1.1);
        Assert.InRange(At(samples, 0.85), Full * 0.68, Full * 0.82);
        Assert.InRange(At(samples, 1.35), Full * 0.18, Full * 0.32);
        Assert.True(At(samples, 1.6) < Full * 0.06, $"silent at 1.6 s: {At(samples, 1.6)}");
        Assert.InRange(At(samples, 2.2), Full * 0.45, Full * 0.55);
    }
}
