using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// The visual-layer fields on a video layer, whose frames change so its static transforms run per frame: rotation around
/// the anchor, opacity, and keyframed opacity.
/// </summary>
public sealed class VideoLookTests(EngineFixture fixture) : IClassFixture<EngineFixture>, IAsyncLifetime
{
    private static readonly (int, int, int) Grey = (128, 128, 128);

    private string red = "";

    public async Task InitializeAsync() =>
        red = fixture.Media.AddFile("red-look.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=25:d=2", "-c:v", "libx264", "-pix_fmt", "yuv420p"));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_video_turns_around_its_anchor_and_is_translucent()
    {
        var timeline = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "background": "#808080", "scenes": [{"duration": 2, "layers": [
              {"type": "video", "url": "{{red}}", "x": 160, "y": 90, "width": 120, "height": 40, "fit": "stretch",
               "anchor": "center", "rotation": 90, "opacity": 0.5}]}]}
            """);

        var frame = await fixture.StillAsync(timeline, 12);

        Assert.True(frame.IsNear(160, 140, (191, 64, 64), 20), $"upright and half transparent: {frame.At(160, 140)}");
        Assert.True(frame.IsNear(210, 90, Grey, 12), $"no longer wide: {frame.At(210, 90)}");
    }

    [Fact]
    public async Task Opacity_keyframes_fade_a_video_in()
    {
        var timeline = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "background": "#808080", "scenes": [{"duration": 2, "layers": [
              {"type": "video", "url": "{{red}}", "x": 100, "y": 50, "width": 120, "height": 80, "fit": "stretch",
               "keyframes": [{"time": 0, "opacity": 0, "easing": "ease-in"}, {"time": 1, "opacity": 1}]}]}]}
            """);

        // Frame 10 is u = 0.4: ease-in gives 0.16 of the way from grey to red.
        var frame = await fixture.StillAsync(timeline, 10);

        Assert.True(frame.IsNear(160, 90, (148, 108, 108), 16), $"{frame.At(160, 90)}");
        Assert.True((await fixture.StillAsync(timeline, 30)).IsNear(160, 90, (255, 0, 0), 30));
    }
}
