using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed class FailoverTests(FailoverClusterFixture fixture) : IClassFixture<FailoverClusterFixture>
{
    [Fact]
    public async Task A_render_survives_losing_the_silo_of_one_of_its_segments_and_equals_parallel_one()
    {
        var movie = Movies.Unique(Movies.Twelve);
        var job = await Jobs.CreateAsync(fixture, movie, parallel: 3);
        var render = job.RenderAsync(new OutputRequest("mp4"));

        var segments = await Jobs.WaitForSegmentsAsync(job, Jobs.AllRendering);

        var victim = segments.Segments.First(s => s.Silo != segments.JobSilo);
        var handle = fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == victim.Silo);
        await fixture.Cluster.KillSiloAsync(handle);
        var result = await render;

        Assert.Equal(OutputStatus.Done, result.Status);
        var after = (await job.GetSegmentsAsync()).Segments;
        Assert.Equal(2, after[victim.Index].Attempts);
        Assert.NotEqual(victim.Silo, after[victim.Index].Silo);
        await AssertEqualsParallelOneAsync(movie, Path.Combine(fixture.MediaRoot, result.MediaKey!));
    }

    [Fact]
    public async Task An_async_render_whose_job_silo_dies_is_resumed_by_the_queue_reusing_finished_segments()
    {
        var movie = Movies.Unique(Movies.Twelve);
        var job = await Jobs.CreateAsync(fixture, movie, parallel: 3);
        await job.StartAsync(new OutputRequest("mp4"));

        var segments = await Jobs.WaitForSegmentsAsync(job, found => found.Segments.Any(s => s.Status == OutputStatus.Done));

        var jobSilo = segments.JobSilo;
        var finished = segments.Segments.Where(s => s.Status == OutputStatus.Done).Select(s => s.Index).ToList();
        Assert.NotEmpty(finished);
        await fixture.Cluster.KillSiloAsync(fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == jobSilo));

        // Nobody asks the job anything: the pool's queue checks its running outputs every lease period, which activates
        // the job on another silo, where it resumes.
        var queue = fixture.Grains.GetGrain<IRenderQueueGrain>("default");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await queue.GetSnapshotAsync()).Running.Any(e => e.Token == job.GetPrimaryKeyString()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        var progress = await job.GetProgressAsync();
        Assert.Equal((360, 360, OutputStatus.Done), (progress.Done, progress.Total, progress.Status));
        Assert.InRange(progress.Reused, finished.Count, 3);
        var resumed = await job.GetSegmentsAsync();
        Assert.NotEqual(jobSilo, resumed.JobSilo);
        Assert.All(resumed.Segments, s => Assert.Equal(OutputStatus.Done, s.Status));
        Assert.All(finished, i => Assert.Equal(1, resumed.Segments[i].Attempts));
        var result = await job.RenderAsync(new OutputRequest("mp4"));
        await AssertEqualsParallelOneAsync(movie, Path.Combine(fixture.MediaRoot, result.MediaKey!));
    }

    private async Task AssertEqualsParallelOneAsync(string movie, string path)
    {
        var whole = await Jobs.CreateAsync(fixture, movie);
        var reference = await whole.RenderAsync(new OutputRequest("mp4"));
        Assert.Equal(360, (await MediaInspector.ProbeAsync(path)).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(path, Path.Combine(fixture.MediaRoot, reference.MediaKey!)) > 35);
    }
}
