using Orleans.Render.Models;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed class RenderQueueTests(QueueClusterFixture fixture) : IClassFixture<QueueClusterFixture>
{
    private IRenderQueueGrain Queue => fixture.Grains.GetGrain<IRenderQueueGrain>("default");

    [Fact]
    public async Task A_burst_is_accepted_at_once_and_runs_two_at_a_time_fairly_between_projects()
    {
        var submitted = new List<(IRenderJobGrain Job, string Project)>();
        foreach (var project in (string[])["big", "big", "big", "big", "small", "small"])
        {
            var (job, result) = await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.ThreeScenes), project);
            Assert.NotNull(result.Info);
            submitted.Add((job, project));
        }

        var admitted = new List<string>();
        var waitingProgress = await submitted[^1].Job.GetProgressAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(90); admitted.Count < submitted.Count && DateTime.UtcNow < deadline; await Task.Delay(20))
        {
            var snapshot = await Queue.GetSnapshotAsync();
            Assert.InRange(snapshot.Running.Count, 0, 2);
            admitted.AddRange(snapshot.Running.Select(e => e.Token).Where(t => !admitted.Contains(t)));
        }

        var order = admitted.Select(t => submitted.Single(s => s.Job.GetPrimaryKeyString() == t).Project).ToList();
        Assert.Equal(OutputStatus.Queued, waitingProgress.Status);
        Assert.InRange(waitingProgress.Position, 1, 4);
        Assert.Equal(6, order.Count);
        // The small project's first render goes next after the first slot frees, ahead of the big project's backlog.
        Assert.Equal("small", order[2]);
        Assert.Contains("small", order.Take(5));
        foreach (var (job, _) in submitted)
        {
            Assert.Equal(OutputStatus.Done, (await job.RenderAsync(new OutputRequest("mp4"))).Status);
        }
    }

    [Fact]
    public async Task A_full_project_queue_refuses_the_next_render_and_creates_no_token()
    {
        var long1 = await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.Long), "full");
        var long2 = await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.Long), "full");
        var waiting = new List<IRenderJobGrain>();
        for (var i = 0; i < 3; i++)
        {
            waiting.Add((await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.TwoScenes), "full")).Job);
        }

        var (refused, result) = await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.TwoScenes), "full");
        var other = await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.TwoScenes), "other");

        Assert.Equal(("queue_full", null), (result.ErrorCode, result.Info));
        Assert.Null(await refused.GetInfoAsync());
        Assert.NotNull(other.Result.Info);
        await Task.WhenAll(new[] { long1.Job, long2.Job }.Concat(waiting).Append(other.Job).Select(j => j.DeleteAsync()));
    }

    [Fact]
    public async Task A_blocking_render_still_queued_after_the_wait_answers_queue_timeout_and_finishes_later()
    {
        var busy = new[] { await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.Long), "busy"), await Jobs.SubmitAsync(fixture, Movies.Unique(Movies.Long), "busy2") };
        var job = await Jobs.CreateAsync(fixture, Movies.Unique(Movies.TwoScenes));

        var waited = await job.RenderAsync(new OutputRequest("mp4"));
        var progress = await job.GetProgressAsync();
        await Task.WhenAll(busy.Select(b => b.Job.DeleteAsync()));
        var later = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal((OutputStatus.Queued, "queue_timeout", 7), (waited.Status, waited.ErrorCode, waited.RetryAfterSeconds));
        Assert.Equal((OutputStatus.Queued, 1), (progress.Status, progress.Position));
        Assert.Equal(OutputStatus.Done, later.Status);
    }

    [Fact]
    public async Task The_store_evicts_units_past_its_size_and_an_evicted_output_is_rendered_again()
    {
        var movie = Movies.Unique(Movies.TwoScenes);
        var first = await (await Jobs.CreateAsync(fixture, movie)).RenderAsync(new OutputRequest("mp4"));
        var store = fixture.Grains.GetGrain<ISegmentStoreGrain>("store");

        Assert.True((await store.GetStatsAsync()).Bytes > 0);
        Assert.True(await store.SweepAsync() >= 1);
        Assert.False(File.Exists(Path.Combine(fixture.MediaRoot, first.MediaKey!)));

        var again = await (await Jobs.CreateAsync(fixture, movie)).RenderAsync(new OutputRequest("mp4"));
        Assert.Equal((OutputStatus.Done, first.MediaKey), (again.Status, again.MediaKey));
        Assert.Equal(2, fixture.Writes.Of(first.MediaKey!));
        Assert.True(File.Exists(Path.Combine(fixture.MediaRoot, again.MediaKey!)));
    }
}
