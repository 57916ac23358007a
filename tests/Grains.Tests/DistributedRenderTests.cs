using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Grains.Placement;
using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

[Collection(PoolClusterCollection.Name)]
public sealed class DistributedRenderTests(PoolClusterFixture fixture)
{
    private string PathOf(OutputResult result) => Path.Combine(fixture.MediaRoot, result.MediaKey!);

    /// <summary>The silos that serve a pool, as the cluster's own metadata says.</summary>
    private IEnumerable<string> SilosOfPool(string pool)
    {
        var silos = fixture.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToList();
        var pools = fixture.Cluster.GetSiloServiceProvider(silos[0]).GetRequiredService<RenderPools>();
        return silos.Where(s => pools.Serves(s, pool)).Select(s => s.ToString());
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("webm")]
    public async Task Parallel_three_spreads_segments_over_the_pool_and_equals_parallel_one(string extension)
    {
        var movie = Movies.Unique(Movies.ThreeScenes);
        var whole = await Jobs.CreateAsync(fixture, movie);
        var split = await Jobs.CreateAsync(fixture, movie, parallel: 3);

        var one = await whole.RenderAsync(new OutputRequest(extension));
        var three = await split.RenderAsync(new OutputRequest(extension));

        Assert.Equal((OutputStatus.Done, OutputStatus.Done), (one.Status, three.Status));
        var segments = (await split.GetSegmentsAsync()).Segments;
        Assert.Equal([(0, 25), (25, 50), (50, 75)], segments.Select(s => (s.StartFrame, s.EndFrame)));
        Assert.All(segments, s => Assert.Equal(OutputStatus.Done, s.Status));
        Assert.True(segments.Select(s => s.Silo).Distinct().Count() >= 2, string.Join(", ", segments.Select(s => s.Silo)));
        Assert.All(segments, s => Assert.Contains(s.Silo, SilosOfPool("default")));

        var facts = await MediaInspector.ProbeAsync(PathOf(three));
        Assert.Equal((75, 25.0), (facts.FrameCount, facts.FrameRate));
        Assert.Equal(3.0, facts.DurationSeconds, 2);
        Assert.True(await MediaInspector.PsnrAsync(PathOf(three), PathOf(one)) > 35, "parallel 3 decodes to the same pictures as parallel 1");
        var progress = await split.GetProgressAsync();
        Assert.Equal((75, 75, OutputStatus.Done, 0), (progress.Done, progress.Total, progress.Status, progress.Reused));
    }

    [Fact]
    public async Task Renders_of_one_segment_each_spread_over_the_pool_rather_than_all_taking_its_first_silo()
    {
        // Fixed tokens (the fixture's storage is new each run), so where they land is the same every run.
        var jobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Jobs.CreateAsync(fixture, Movies.Unique(Movies.ThreeScenes), token: $"spread-{i}")));

        await Task.WhenAll(jobs.Select(j => j.RenderAsync(new OutputRequest("mp4"))));

        var silos = await Task.WhenAll(jobs.Select(async j => Assert.Single((await j.GetSegmentsAsync()).Segments).Silo));
        Assert.Equal(SilosOfPool("default").Order(), silos.Distinct().Order());
    }

    [Fact]
    public async Task Every_segment_of_a_premium_job_runs_on_the_premium_silo()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Unique(Movies.ThreeScenes), parallel: 3, pool: PoolClusterFixture.Premium);

        Assert.Equal(OutputStatus.Done, (await job.RenderAsync(new OutputRequest("mp4"))).Status);

        var premium = Assert.Single(SilosOfPool(PoolClusterFixture.Premium));
        Assert.All((await job.GetSegmentsAsync()).Segments, s => Assert.Equal(premium, s.Silo));
    }

    [Fact]
    public async Task A_pool_without_a_live_silo_queues_the_render_then_fails_after_the_limit()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Unique(Movies.ThreeScenes), pool: "gold");

        var render = job.RenderAsync(new OutputRequest("mp4"));
        await Task.Delay(1000);
        var queued = await job.GetProgressAsync();
        var result = await render;

        Assert.Equal((OutputStatus.Queued, 75), (queued.Status, queued.Total));
        Assert.Equal((OutputStatus.Failed, "pool_unavailable"), (result.Status, result.ErrorCode));
    }

    [Fact]
    public async Task Gif_and_stills_ignore_parallel_and_render_as_one_segment()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.ThreeScenes, parallel: 3);

        var gif = await job.RenderAsync(new OutputRequest("gif"));

        Assert.Single((await job.GetSegmentsAsync()).Segments);
        Assert.Equal(75, (await MediaInspector.ProbeAsync(PathOf(gif))).FrameCount);
    }
}
