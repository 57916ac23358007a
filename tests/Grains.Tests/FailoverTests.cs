using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed partial class FailoverTests(FailoverClusterFixture fixture) : IClassFixture<FailoverClusterFixture>
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.4)]
    [InlineData(0.75)]
    public async Task A_render_survives_losing_the_silo_of_one_of_its_segments_at_any_point_and_equals_parallel_one(double doneBeforeKill)
    {
        var movie = Movies.Unique(Movies.Twelve);
        var job = await Jobs.CreateAsync(fixture, movie, parallel: 3);
        var render = job.RenderAsync(new OutputRequest("mp4"));

        // The victim is chosen while every segment renders (later, the segments away from the job's silo may all have
        // finished), and its silo is killed once the render as a whole has reached the kill point.
        var rendering = await Jobs.WaitForSegmentsAsync(job, Jobs.AllRendering);
        var victim = rendering.Segments.FirstOrDefault(s => s.Silo is not null && s.Silo != rendering.JobSilo);
        Assert.NotNull(victim);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await job.GetProgressAsync()).Done < doneBeforeKill * 360 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await KillAsync(victim.Silo!);
        try
        {
            var result = await ResultAsync(job, render);

            Assert.Equal(OutputStatus.Done, result.Status);
            var after = (await job.GetSegmentsAsync()).Segments[victim.Index];
            // The victim's segment was rendered again on a live silo (its unit grain's next attempt, or the same attempt
            // asked again by a unit grain that died too), or it had been stored just before its silo went (progress lags
            // by a report, and on a quiet machine a segment can finish well before the total reaches the kill point),
            // and then it kept its one attempt there.
            Assert.True(
                after.Silo != victim.Silo || after.Attempts == 1,
                $"segment {victim.Index}: {after.Attempts} attempts, last on {after.Silo}, killed {victim.Silo}");
            Assert.InRange(after.Attempts, 1, 3);
            await AssertEqualsParallelOneAsync(movie, Path.Combine(fixture.MediaRoot, result.MediaKey!));
        }
        finally
        {
            // A failed assertion must not leave the next test a cluster short of a silo.
            await RestoreAsync();
        }
    }

    [Fact]
    public async Task An_async_render_whose_job_silo_dies_is_resumed_on_another_silo_reusing_finished_segments()
    {
        var movie = Movies.Unique(Movies.Twelve);
        var job = await Jobs.CreateAsync(fixture, movie, parallel: 3);
        await job.StartAsync(new OutputRequest("mp4"));

        var segments = await Jobs.WaitForSegmentsAsync(job, found => found.Segments.Any(s => s.Status == OutputStatus.Done));

        var jobSilo = segments.JobSilo;
        var finished = segments.Segments.Where(s => s.Status == OutputStatus.Done).Select(s => s.Index).ToList();
        Assert.NotEmpty(finished);
        await KillAsync(jobSilo);

        // The job is activated again on another silo by the next call to it (this poll, or the pool queue's lease check
        // every two seconds, whichever comes first) and resumes there.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await StatusAsync(job) != OutputStatus.Done && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
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
        await RestoreAsync();
    }

    [Fact]
    public async Task A_render_goes_on_through_a_storage_outage_and_finishes_once_storage_is_back()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.Unique(Movies.Twelve), parallel: 3);
        var render = job.RenderAsync(new OutputRequest("mp4"));
        await Jobs.WaitForSegmentsAsync(job, Jobs.AllRendering);

        await fixture.Azurite.PauseAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await fixture.Azurite.ResumeAsync();
        }

        var result = await render;
        Assert.Equal(OutputStatus.Done, result.Status);
        Assert.Equal(360, (await MediaInspector.ProbeAsync(Path.Combine(fixture.MediaRoot, result.MediaKey!))).FrameCount);
        Assert.Equal(OutputStatus.Done, (await job.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task A_token_is_answered_only_once_its_row_is_stored_and_renders_after_its_silo_was_killed()
    {
        Task<IRenderJobGrain>[] creating;
        await fixture.Azurite.PauseAsync();
        try
        {
            creating = [.. Enumerable.Range(0, 5).Select(_ => Jobs.CreateAsync(fixture, Movies.TwoScenes))];
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.DoesNotContain(creating, c => c.IsCompleted);
        }
        finally
        {
            await fixture.Azurite.ResumeAsync();
        }

        var jobs = await Task.WhenAll(creating);
        var silo = (await jobs[0].GetSegmentsAsync()).JobSilo;
        var lost = new List<IRenderJobGrain>();
        foreach (var job in jobs)
        {
            if ((await job.GetSegmentsAsync()).JobSilo == silo)
            {
                lost.Add(job);
            }
        }

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == silo));
        try
        {
            foreach (var job in lost)
            {
                Assert.NotNull(await RetryAsync(job.GetInfoAsync));
            }

            var result = await RetryAsync(() => lost[0].RenderAsync(new OutputRequest("mp4")));
            Assert.Equal(OutputStatus.Done, result.Status);
            Assert.Equal(50, (await MediaInspector.ProbeAsync(Path.Combine(fixture.MediaRoot, result.MediaKey!))).FrameCount);
            Assert.NotEqual(silo, (await lost[0].GetSegmentsAsync()).JobSilo);
        }
        finally
        {
            await RestoreAsync();
        }
    }

    /// <summary>The job's progress status; null while the test's client is still connected to a gateway that died.</summary>
    private static async Task<OutputStatus?> StatusAsync(IRenderJobGrain job)
    {
        try
        {
            return (await job.GetProgressAsync()).Status;
        }
        catch (Exception ex) when (ex is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// The result of a blocking render asked for before a silo was killed. The call may have gone through the killed
    /// silo's gateway and then never be answered, so once the job reports the output ended it is asked for again (a
    /// finished output is answered at once). A render that never ends fails the test after three minutes instead of
    /// hanging the run.
    /// </summary>
    private static async Task<OutputResult> ResultAsync(IRenderJobGrain job, Task<OutputResult> render)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        OutputStatus? status = null;
        while (!render.IsCompleted && DateTime.UtcNow < deadline
            && (status = await StatusAsync(job)) is not (OutputStatus.Done or OutputStatus.Failed or OutputStatus.Cancelled))
        {
            await Task.Delay(250);
        }

        if (render.IsCompleted)
        {
            return await render;
        }

        Assert.True(DateTime.UtcNow < deadline, $"the render had not ended after three minutes (status {status})");
        render.Ignore();
        return await RetryAsync(() => job.RenderAsync(new OutputRequest("mp4")).WaitAsync(TimeSpan.FromMinutes(1)));
    }

    /// <summary>Kills the silo without a graceful stop.</summary>
    private Task KillAsync(string silo) =>
        fixture.Cluster.KillSiloAsync(fixture.Cluster.GetActiveSilos().Single(h => h.SiloAddress.ToString() == silo));

    /// <summary>Starts silos until there are three again, for the next test.</summary>
    private async Task RestoreAsync()
    {
        while (fixture.Cluster.GetActiveSilos().Count() < 3)
        {
            await fixture.Cluster.StartAdditionalSiloAsync();
        }
    }

    private async Task AssertEqualsParallelOneAsync(string movie, string path)
    {
        var whole = await Jobs.CreateAsync(fixture, movie);
        var reference = await whole.RenderAsync(new OutputRequest("mp4"));
        Assert.Equal(360, (await MediaInspector.ProbeAsync(path)).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(path, Path.Combine(fixture.MediaRoot, reference.MediaKey!)) > 35);
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is ConnectionFailedException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
