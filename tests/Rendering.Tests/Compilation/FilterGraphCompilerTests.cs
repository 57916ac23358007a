using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Text;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Compilation;

public sealed class FilterGraphCompilerTests
{
    private static readonly TimelineLayer Text = new(
        10, 20, 0, 100, 320, 60, 5, 5,
        new TextContent(new TextBlock("'; drawtext=text=%{pts} [x]", 320, 60, 30, new RgbaColor(255, 255, 255))), LayerMotion.Still(0, 100));

    private static readonly TimelineLayer Logo = new(
        0, 25, 0, 0, 32, 32, 0, 0,
        new ImageContent(Rendering.Media.MediaReference.Parse("https://example.com/logo.png"), Rendering.Media.ImageFit.Contain),
        LayerMotion.Still(0, 0) with
        {
            X = new Curve([new CurvePoint(0, 0), new CurvePoint(25, 200)]),
            Y = new Curve([new CurvePoint(0, 0), new CurvePoint(25, 100)]),
        });

    private static readonly Timeline Movie = new(
        320, 180, FrameRate.Whole(25),
        [new TimelineScene(0, 25, new RgbaColor(0, 0, 128), [Text]), new TimelineScene(25, 25, new RgbaColor(0, 100, 0), [Logo])]);

    private static readonly Dictionary<TimelineLayer, string> Files = new() { [Text] = "/work/text.png", [Logo] = "/work/logo.png" };

    [Fact]
    public void User_text_never_reaches_the_graph_or_the_arguments()
    {
        var invocation = FilterGraphCompiler.Compile(Movie, Files, new FrameRange(0, 50), new OutputSpec(OutputFormat.Mp4), new EncoderSettings());

        Assert.DoesNotContain("drawtext", invocation.FilterGraph);
        Assert.DoesNotContain("%{pts}", string.Join(" ", invocation.InputArguments.Concat(invocation.OutputArguments)));
        Assert.Equal(["-i", "/work/text.png", "-i", "/work/logo.png"], invocation.InputArguments);
        Assert.Contains("concat=n=2", invocation.FilterGraph);
        Assert.Contains("+faststart", invocation.OutputArguments);
    }

    [Fact]
    public void A_range_renders_only_the_scenes_and_layers_it_overlaps_with_time_offset()
    {
        var invocation = FilterGraphCompiler.Compile(Movie, Files, new FrameRange(30, 50), new OutputSpec(OutputFormat.Webm), new EncoderSettings());

        Assert.DoesNotContain("concat=", invocation.FilterGraph);
        Assert.Contains("c=0x006400", invocation.FilterGraph);
        Assert.DoesNotContain("c=0x000080", invocation.FilterGraph);
        Assert.Contains("(t+0.2)", invocation.FilterGraph);
        Assert.Equal(20, invocation.ExpectedFrames);
        Assert.Contains("libvpx-vp9", invocation.OutputArguments);
    }

    [Fact]
    public void A_still_frame_skips_layers_outside_it_and_writes_one_image()
    {
        var invocation = FilterGraphCompiler.Compile(Movie, Files, new FrameRange(45, 46), new OutputSpec(OutputFormat.Jpg, 45, 99), new EncoderSettings());

        Assert.Equal(["-i", "/work/logo.png"], invocation.InputArguments);
        Assert.Contains("-frames:v", invocation.OutputArguments);
        Assert.Equal("2", invocation.OutputArguments[invocation.OutputArguments.ToList().IndexOf("-q:v") + 1]);
    }

    [Fact]
    public void Ranges_outside_the_movie_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            FilterGraphCompiler.Compile(Movie, Files, new FrameRange(40, 60), new OutputSpec(OutputFormat.Mp4), new EncoderSettings()));
}
