using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>A job with a <c>"duration": "auto"</c> scene: the job grain and every segment read the same media length.</summary>
[Collection(PoolClusterCollection.Name)]
public sealed class AutoDurationRenderTests(PoolClusterFixture fixture)
{
    [Fact]
    public async Task An_auto_scene_split_over_segments_lasts_as_long_as_its_clip_and_the_next_scene_follows()
    {
        var clip = fixture.Images.AddFile("auto-testsrc.mp4", await TestMedia.MakeAsync(
            ".mp4", "-f", "lavfi", "-i", "testsrc=s=320x180:r=30:d=1.2", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        var job = await Jobs.CreateAsync(fixture, $$"""
            {"width": 320, "height": 180, "fps": 30, "scenes": [
              {"duration": "auto", "background": "#ff0000", "layers": [
                {"type": "video", "url": "{{clip}}", "width": 160, "height": 180, "fit": "stretch"}]},
              {"duration": 0.2, "background": "#0000ff"}]}
            """, parallel: 3);

        var result = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal(OutputStatus.Done, result.Status);
        Assert.Equal(42, (await job.GetSegmentsAsync()).Segments.Sum(s => s.EndFrame - s.StartFrame));
        var movie = Path.Combine(fixture.MediaRoot, result.MediaKey!);
        Assert.Equal(42, (await MediaInspector.ProbeAsync(movie)).FrameCount);
        var last = await MediaInspector.DecodeFrameAsync(movie, 35, 320, 180);
        var next = await MediaInspector.DecodeFrameAsync(movie, 36, 320, 180);
        Assert.True(last.IsNear(240, 90, (255, 0, 0)), $"frame 35 right is {last.At(240, 90)}");
        Assert.True(next.IsNear(240, 90, (0, 0, 255)), $"frame 36 right is {next.At(240, 90)}");
    }
}
