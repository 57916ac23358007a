using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed class GracefulStopTests(GracefulStopClusterFixture fixture) : IClassFixture<GracefulStopClusterFixture>
{
    [Fact]
    public async Task Stopping_a_silo_gracefully_mid_render_finishes_or_hands_over_its_segment()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Twelve, parallel: 3);
        var render = job.RenderAsync(new OutputRequest("mp4"));

        var segments = await Jobs.WaitForSegmentsAsync(job, Jobs.AllRendering);

        var leaving = segments.Segments.First(s => s.Silo != segments.JobSilo);
        await fixture.Cluster.StopSiloAsync(fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == leaving.Silo));
        var result = await render;

        Assert.Equal(OutputStatus.Done, result.Status);
        var after = (await job.GetSegmentsAsync()).Segments[leaving.Index];
        Assert.Equal(OutputStatus.Done, after.Status);
        Assert.DoesNotContain(fixture.Cluster.GetActiveSilos(), h => h.SiloAddress.ToString() == leaving.Silo);
        // Either the stopping silo finished the segment before leaving, or the job rendered it again elsewhere.
        Assert.True(after.Silo == leaving.Silo ? after.Attempts == 1 : after.Attempts == 2, $"{after}");
        Assert.Equal(360, (await MediaInspector.ProbeAsync(Path.Combine(fixture.MediaRoot, result.MediaKey!))).FrameCount);
    }
}
