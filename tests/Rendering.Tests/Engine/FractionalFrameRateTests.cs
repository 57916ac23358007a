using FFMpegCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>NTSC rates (30000/1001 and its kin): every frame, on its exact timestamp, with sound as long as the pictures.</summary>
public sealed class FractionalFrameRateTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Navy = (0, 0, 128);
    private static readonly (int, int, int) Red = (255, 0, 0);

    private string music = "";

    public async Task InitializeAsync() => music = fixture.Media.AddFile("ntsc-music.wav", await TestMedia.ToneAsync(440, 3));

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Two one-second scenes; a red box appears at 0.5 s (frame round(0.5 × rate)).</summary>
    private Timeline Movie(string fps) => EngineFixture.Bind($$"""
        {"width": 320, "height": 180, "fps": "{{fps}}", "audio": {"url": "{{music}}"}, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [
            {"type": "solid", "color": "#ff0000", "x": 100, "y": 50, "width": 120, "height": 80, "start": 0.5}]},
          {"duration": 1, "background": "#006400"}]}
        """);

    [Theory]
    [InlineData("30000/1001", 30, 15)]
    [InlineData("24000/1001", 24, 12)]
    [InlineData("60000/1001", 60, 30)]
    public async Task A_fractional_rate_renders_every_frame_at_its_time_with_the_sound(string fps, int framesPerScene, int boxFrame)
    {
        var timeline = Movie(fps);
        Assert.Equal(2 * framesPerScene, timeline.TotalFrames);
        var file = await fixture.RenderAsync(timeline, OutputFormat.Mp4);

        var facts = await MediaInspector.ProbeAsync(file);
        var seconds = timeline.Fps.Seconds(timeline.TotalFrames);
        Assert.Equal(2 * framesPerScene, facts.FrameCount);
        Assert.Equal(timeline.Fps.PerSecond, facts.FrameRate, 3);
        Assert.Equal(seconds, facts.DurationSeconds, 2);
        var samples = await TestMedia.DecodeSoundAsync(file);
        Assert.InRange(samples.Length, seconds * 48000 - 1200, seconds * 48000 + 1200);

        Assert.True((await MediaInspector.DecodeFrameAsync(file, boxFrame - 1, 320, 180)).IsNear(160, 90, Navy));
        Assert.True((await MediaInspector.DecodeFrameAsync(file, boxFrame, 320, 180)).IsNear(160, 90, Red));
    }

    [Fact]
    public async Task Segments_at_30000_1001_join_into_the_whole_movie_with_exact_timestamps()
    {
        var timeline = Movie("30000/1001");
        var whole = await fixture.RenderAsync(timeline, OutputFormat.Mp4);
        var segments = new List<string>();
        foreach (var range in SegmentPlanner.Plan(timeline, OutputFormat.Mp4, 3))
        {
            segments.Add(Path.Combine(fixture.Work, $"ntsc-{Guid.NewGuid():N}.mp4"));
            await fixture.Engine.RenderAsync(timeline, EngineFixture.Project, range, new OutputSpec(OutputFormat.Mp4), segments[^1], null, CancellationToken.None);
        }

        var joined = Path.Combine(fixture.Work, $"ntsc-joined-{Guid.NewGuid():N}.mp4");
        await fixture.Services.GetRequiredService<SegmentAssembler>().AssembleAsync(segments, OutputFormat.Mp4, fixture.Work, joined, CancellationToken.None);

        var facts = await MediaInspector.ProbeAsync(joined);
        Assert.Equal(60, facts.FrameCount);
        Assert.Equal(2.002, facts.DurationSeconds, 3);
        Assert.Equal(29.97, facts.FrameRate, 2); // frames over the stream's length: a gap at a join lowers it
        Assert.True(await MediaInspector.PsnrAsync(joined, whole) > 35, "segments decode to the same pictures as the whole render");
    }

    [Theory]
    [InlineData(OutputFormat.Mpeg)]
    [InlineData(OutputFormat.Mov)]
    [InlineData(OutputFormat.Webm)]
    public async Task Other_formats_keep_the_fractional_rate(OutputFormat format)
    {
        var file = await fixture.RenderAsync(Movie("30000/1001"), format);

        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(60, facts.FrameCount);
        Assert.InRange(facts.DurationSeconds, 1.95, 2.1);
        Assert.Single((await FFProbe.AnalyseAsync(file)).AudioStreams);
    }
}
