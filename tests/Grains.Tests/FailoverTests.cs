using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed class FailoverTests(FailoverClusterFixture fixture) : IClassFixture<FailoverClusterFixture>
{
    [Fact]
    public async Task A_render_survives_losing_the_silo_of_one_of_its_segments_and_equals_parallel_one()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Twelve, parallel: 3);
        var render = job.RenderAsync(new OutputRequest("mp4"));

        JobSegments segments;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            segments = await job.GetSegmentsAsync();
        }
        while (!(segments.Segments.Count == 3 && segments.Segments.All(s => s.Silo is not null && s.Status == OutputStatus.Rendering)) && DateTime.UtcNow < deadline);

        var victim = segments.Segments.First(s => s.Silo != segments.JobSilo);
        var handle = fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == victim.Silo);
        await fixture.Cluster.KillSiloAsync(handle);
        var result = await render;

        Assert.Equal(OutputStatus.Done, result.Status);
        var after = (await job.GetSegmentsAsync()).Segments;
        Assert.Equal(2, after[victim.Index].Attempts);
        Assert.NotEqual(victim.Silo, after[victim.Index].Silo);

        var whole = await Jobs.CreateAsync(fixture, Movies.Twelve);
        var reference = await whole.RenderAsync(new OutputRequest("mp4"));
        var path = Path.Combine(fixture.MediaRoot, result.MediaKey!);
        Assert.Equal(360, (await MediaInspector.ProbeAsync(path)).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(path, Path.Combine(fixture.MediaRoot, reference.MediaKey!)) > 35);
    }
}
