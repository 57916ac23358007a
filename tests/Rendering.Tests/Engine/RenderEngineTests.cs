using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Renders real files with ffmpeg and checks what a viewer would see.</summary>
public sealed class RenderEngineTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private static readonly (int, int, int) Navy = (0, 0, 128);
    private static readonly (int, int, int) Green = (0, 100, 0);
    private static readonly (int, int, int) Red = (255, 0, 0);
    private static readonly (int, int, int) White = (255, 255, 255);

    private const string Project = EngineFixture.Project;

    private Timeline Movie(string text = "Hello") => MovieBinder.Bind(
        MovieParser.Parse($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": 1, "background": "#000080", "layers": [
                {"type": "solid", "color": "#ff0000", "x": 20, "y": 20, "width": 40, "height": 40, "start": 0.4, "duration": 0.4},
                {"type": "image", "url": "{{fixture.Media.Url("logo.png")}}", "x": 200, "y": 20, "width": 64, "height": 64, "start": 0.2, "duration": 5},
                {"type": "text", "text": "${text}", "y": 120, "height": 60, "fontSize": 40, "start": 0.6, "duration": 0.28}]},
              {"duration": 1, "background": "#006400"}]}
            """).Movie!,
        new Dictionary<string, string> { ["text"] = text });

    [Fact]
    public async Task Renders_backgrounds_and_layers_only_inside_their_time_windows()
    {
        var output = Path.Combine(fixture.Work, "movie.mp4");
        await fixture.Engine.RenderAsync(Movie(), Project, new FrameRange(0, 50), new OutputSpec(OutputFormat.Mp4), output, null, CancellationToken.None);

        var facts = await MediaInspector.ProbeAsync(output);
        Assert.Equal(("h264", 320, 180, 25.0, 50), (facts.Codec, facts.Width, facts.Height, facts.FrameRate, facts.FrameCount));
        Assert.Equal(2.0, facts.DurationSeconds, 2);

        var early = await MediaInspector.DecodeFrameAsync(output, 2, 320, 180);
        Assert.True(early.IsNear(5, 5, Navy));
        Assert.True(early.IsNear(40, 40, Navy), "the solid starts at 0.4 s");
        Assert.True(early.IsNear(232, 52, Navy), "the image starts at 0.2 s");
        Assert.Equal(0, early.CountNear(0, 120, 320, 180, White));

        var solid = await MediaInspector.DecodeFrameAsync(output, 12, 320, 180);
        Assert.True(solid.IsNear(40, 40, Red));
        Assert.True(solid.IsNear(232, 52, ImageServer.LogoColour));
        Assert.Equal(0, solid.CountNear(0, 120, 320, 180, White));

        var text = await MediaInspector.DecodeFrameAsync(output, 17, 320, 180);
        Assert.True(text.IsNear(40, 40, Red));
        Assert.True(text.CountNear(0, 120, 320, 180, White) > 100, "the text shows from 0.6 s to 0.88 s");

        var after = await MediaInspector.DecodeFrameAsync(output, 22, 320, 180);
        Assert.True(after.IsNear(40, 40, Navy), "the solid ended at 0.8 s");
        Assert.True(after.IsNear(232, 52, ImageServer.LogoColour));
        Assert.Equal(0, after.CountNear(0, 120, 320, 180, White));

        var second = await MediaInspector.DecodeFrameAsync(output, 30, 320, 180);
        Assert.True(second.IsNear(5, 5, Green));
        Assert.True(second.IsNear(232, 52, Green), "layers end with their scene");
    }

    [Fact]
    public async Task Text_full_of_ffmpeg_syntax_renders_literally()
    {
        var output = Path.Combine(fixture.Work, "special.png");
        await fixture.Engine.RenderAsync(
            Movie("it's 100% \\ : ; [x] %{pts} \n ${nope}"), Project, new FrameRange(17, 18), new OutputSpec(OutputFormat.Png, 17), output, null, CancellationToken.None);

        var frame = await MediaInspector.DecodeFrameAsync(output, 0, 320, 180);
        Assert.True(frame.CountNear(0, 120, 320, 180, White) > 100);
    }

    [Fact]
    public async Task A_segment_renders_exactly_the_frames_of_the_whole_movie()
    {
        var engine = fixture.Engine;
        var whole = Path.Combine(fixture.Work, "whole.png");
        var part = Path.Combine(fixture.Work, "part.webm");
        await engine.RenderAsync(Movie(), Project, new FrameRange(17, 18), new OutputSpec(OutputFormat.Png, 17), whole, null, CancellationToken.None);
        await engine.RenderAsync(Movie(), Project, new FrameRange(15, 35), new OutputSpec(OutputFormat.Webm), part, null, CancellationToken.None);

        Assert.Equal(20, (await MediaInspector.ProbeAsync(part)).FrameCount);
        var still = await MediaInspector.DecodeFrameAsync(whole, 0, 320, 180);
        var fromSegment = await MediaInspector.DecodeFrameAsync(part, 2, 320, 180);
        foreach (var (x, y) in new[] { (40, 40), (232, 52), (5, 5), (160, 150) })
        {
            Assert.True(fromSegment.IsNear(x, y, still.At(x, y), 30), $"pixel {x},{y}: {fromSegment.At(x, y)} vs {still.At(x, y)}");
        }
    }

    [Theory]
    [InlineData(OutputFormat.Mp4, "h264")]
    [InlineData(OutputFormat.Webm, "vp9")]
    public async Task Segments_assembled_by_stream_copy_match_the_movie_rendered_whole(OutputFormat format, string codec)
    {
        var engine = fixture.Engine;
        var timeline = Movie();
        var extension = format.Extension();
        var whole = Path.Combine(fixture.Work, $"whole.{extension}");
        await engine.RenderAsync(timeline, Project, new FrameRange(0, 50), new OutputSpec(format), whole, null, CancellationToken.None);
        var segments = new List<string>();
        foreach (var range in Rendering.Planning.SegmentPlanner.Plan(timeline, format, 3))
        {
            segments.Add(Path.Combine(fixture.Work, $"segment-{range.Start}.{extension}"));
            await engine.RenderAsync(timeline, Project, range, new OutputSpec(format), segments[^1], null, CancellationToken.None);
        }

        var joined = Path.Combine(fixture.Work, $"joined.{extension}");
        await fixture.Services.GetRequiredService<SegmentAssembler>().AssembleAsync(segments, format, fixture.Work, joined, CancellationToken.None);

        var facts = await MediaInspector.ProbeAsync(joined);
        Assert.Equal((codec, 50, 25.0), (facts.Codec, facts.FrameCount, facts.FrameRate));
        Assert.Equal(2.0, facts.DurationSeconds, 2);
        Assert.True(await MediaInspector.PsnrAsync(joined, whole) > 35, "segments decode to the same pictures as the whole render");
    }

    [Fact]
    public async Task Reports_progress_in_frames_and_stops_ffmpeg_when_cancelled()
    {
        var long60 = MovieBinder.Bind(
            MovieParser.Parse("""{"width": 1280, "height": 720, "fps": 30, "scenes": [{"duration": 60, "layers": [{"type": "solid", "color": "#ff0000", "width": 600, "height": 400, "fadeIn": 30}]}]}""").Movie!,
            new Dictionary<string, string>());
        var seen = new List<int>();
        var progress = new SynchronousProgress(frames => { lock (seen) { seen.Add(frames); } });
        using var cancellation = new CancellationTokenSource();
        var render = fixture.Engine.RenderAsync(
            long60, Project, new FrameRange(0, long60.TotalFrames), new OutputSpec(OutputFormat.Mp4), Path.Combine(fixture.Work, "long.mp4"), progress, cancellation.Token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !seen.Any(f => f > 0))
        {
            await Task.Delay(100);
        }

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render);
        Assert.Contains(seen, f => f > 0 && f < long60.TotalFrames);
        Assert.Empty(Directory.GetFiles(fixture.Work, "graph-*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_image_url_without_a_scheme_is_a_project_asset()
    {
        fixture.Assets.Add(Project, "badge.png", TestImages.SolidPng(8, 8, new SixLabors.ImageSharp.PixelFormats.Rgba32(0, 255, 0)));
        var timeline = Bind("""{"type": "image", "url": "${badge, badge.png}", "x": 100, "y": 50, "width": 60, "height": 60}""");
        var output = Path.Combine(fixture.Work, "asset.png");

        await fixture.Engine.RenderAsync(timeline, Project, new FrameRange(0, 1), new OutputSpec(OutputFormat.Png), output, null, CancellationToken.None);

        var frame = await MediaInspector.DecodeFrameAsync(output, 0, 320, 180);
        Assert.True(frame.IsNear(130, 80, (0, 255, 0)), $"the asset is drawn in its box: {frame.At(130, 80)}");
        Assert.True(frame.IsNear(20, 20, Navy));
    }

    [Fact]
    public async Task A_missing_asset_fails_the_render_with_asset_missing()
    {
        var timeline = Bind("""{"type": "image", "url": "nowhere.png", "width": 60, "height": 60}""");

        var error = await Assert.ThrowsAsync<RenderInputException>(() => fixture.Engine.RenderAsync(
            timeline, Project, new FrameRange(0, 1), new OutputSpec(OutputFormat.Png), Path.Combine(fixture.Work, "missing.png"), null, CancellationToken.None));
        Assert.Equal("asset_missing", error.Code);
    }

    [Theory]
    [InlineData("EngineTestMono16")]
    [InlineData("mono.ttf")]
    public async Task A_text_font_may_be_a_project_font_named_by_family_or_asset_name(string font)
    {
        fixture.Assets.Add(Project, "mono.ttf", TestFonts.RenamedMono("EngineTestMono16"));
        var layer = """{"type": "text", "text": "iiiiiiii", "fontSize": 20, "align": "left", "x": 0, "y": 0, "width": 320, "height": 60, "font": "FONT"}""";

        var withAsset = await RightmostTextPixelAsync(Bind(layer.Replace("FONT", font)));
        var withDefault = await RightmostTextPixelAsync(Bind(layer.Replace("FONT", "No Such Family")));

        // Eight 'i's are about 45 px wide in DejaVu Sans and 96 px in a monospaced face at 20 px.
        Assert.InRange(withDefault, 20, 70);
        Assert.InRange(withAsset, 80, 130);
    }

    private static Timeline Bind(string layer) => MovieBinder.Bind(
        MovieParser.Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "background": "#000080", "layers": [{{layer}}]}]}""").Movie!,
        new Dictionary<string, string>());

    private async Task<int> RightmostTextPixelAsync(Timeline timeline)
    {
        var output = Path.Combine(fixture.Work, $"text-{Guid.NewGuid():N}.png");
        await fixture.Engine.RenderAsync(timeline, Project, new FrameRange(0, 1), new OutputSpec(OutputFormat.Png), output, null, CancellationToken.None);
        var frame = await MediaInspector.DecodeFrameAsync(output, 0, 320, 180);
        var rightmost = -1;
        for (var x = 0; x < 320; x++)
        {
            if (frame.CountNear(x, 0, x + 1, 60, White) > 0)
            {
                rightmost = x;
            }
        }

        return rightmost;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
