using Orleans.Render.Grains.Batches;
using Orleans.Render.Models;
using Orleans.Render.Models.Batches;
using Xunit;

namespace Orleans.Render.Grains.Tests;

[Collection(RenderClusterCollection.Name)]
public sealed class BatchGrainTests(RenderClusterFixture fixture)
{
    [Fact]
    public async Task A_batch_of_200_tiny_tasks_with_window_8_completes_with_every_result_present_and_never_more_than_8_in_flight()
    {
        // Twenty distinct renders, each asked for ten times: the repeats are served from the segment store, so the
        // window, not ffmpeg, is what the batch waits on.
        var tasks = Enumerable.Range(0, 200).Select(i => Batches.Task($"n{i % 20}")).ToList();
        var batch = await Batches.CreateAsync(fixture.Grains, 8, tasks);
        var mostSeen = 0;

        await batch.RunAsync();
        var info = await Batches.WaitAsync(batch, Batches.HasEnded, seen => mostSeen = Math.Max(mostSeen, seen.Running));

        Assert.Equal((BatchStatus.Completed, 200, 200, 0), (info.Status, info.Total, info.Completed, info.Failed));
        Assert.InRange(mostSeen, 1, 8);
        Assert.Equal(8, info.PeakRunning);
        var results = (await batch.GetResultsAsync(0, 1000))!.Results;
        Assert.Equal(Enumerable.Range(0, 200), results.Select(r => r.Index));
        Assert.All(results, r => Assert.Equal(BatchTaskStatus.Completed, r.Status));
        Assert.Equal(200, results.Select(r => r.Token).Distinct().Count());
        foreach (var result in results)
        {
            // Each task's token is a real token whose output is stored: asking again renders nothing.
            var output = await fixture.Grains.GetGrain<IRenderJobGrain>(result.Token).RenderAsync(new OutputRequest("mp4", PosterFrame: true));
            Assert.Equal(OutputStatus.Done, output.Status);
            Assert.True(File.Exists(Path.Combine(fixture.MediaRoot, output.MediaKey!)));
        }
    }

    [Fact]
    public async Task Cancel_keeps_queued_tasks_from_ever_starting_and_deletes_the_tokens_of_running_ones()
    {
        var movie = Movies.Unique(Movies.ThreeScenes);
        var tasks = Enumerable.Range(0, 20).Select(i => Batches.Task($"c{i}")).ToList();
        var batch = await Batches.CreateAsync(fixture.Grains, 2, tasks, movie);
        await batch.RunAsync();
        await Batches.WaitAsync(batch, i => i.Running == 2);

        var cancelled = await batch.CancelAsync();
        var info = await Batches.WaitAsync(batch, Batches.HasEnded);

        Assert.Null(cancelled.ErrorCode);
        Assert.Equal(BatchStatus.Cancelled, info.Status);
        Assert.Equal(20, info.Completed + info.Cancelled);
        Assert.InRange(info.Cancelled, 18, 20);
        var results = (await batch.GetResultsAsync(0, 100))!.Results;
        foreach (var result in results.Where(r => r.Status == BatchTaskStatus.Cancelled))
        {
            // Never created, or deleted while it rendered.
            var job = await fixture.Grains.GetGrain<IRenderJobGrain>(result.Token).GetInfoAsync();
            Assert.True(job is null or { Cancelled: true }, $"task {result.Index}: {job}");
        }

        Assert.True(results.Skip(4).All(r => r.Status == BatchTaskStatus.Cancelled));
        Assert.Equal("batch_ended", (await batch.AddTasksAsync([Batches.Task("late")], new Dictionary<string, string>())).ErrorCode);
    }

    [Fact]
    public async Task A_batch_keeps_its_tasks_and_tokens_across_deactivations_and_finishes_through_them()
    {
        // 150 tasks in three calls: two task chunks, one of them written twice.
        var tasks = Enumerable.Range(0, 150).Select(i => Batches.Task($"r{i % 10}")).ToList();
        var batch = await Batches.CreateAsync(fixture.Grains, 4, tasks, perCall: 60);
        var before = (await batch.GetResultsAsync(0, 1000))!.Results;

        await ReactivateAllAsync();
        Assert.Equal(before, (await batch.GetResultsAsync(0, 1000))!.Results);
        Assert.Equal((BatchStatus.Pending, 150, 4), ((await batch.GetInfoAsync())!.Status, before.Count, (await batch.GetInfoAsync())!.Window));

        await batch.RunAsync();
        await Batches.WaitAsync(batch, i => i.Completed >= 20);
        await ReactivateAllAsync();
        await Batches.WaitAsync(batch, i => i.Completed >= 80);
        await ReactivateAllAsync();
        var info = await Batches.WaitAsync(batch, Batches.HasEnded);

        Assert.Equal((BatchStatus.Completed, 150, 0), (info.Status, info.Completed, info.Failed));
        Assert.InRange(info.PeakRunning, 1, 4);
        var after = (await batch.GetResultsAsync(0, 1000))!.Results;
        Assert.Equal(before.Select(r => r.Token), after.Select(r => r.Token));
        Assert.All(after, r => Assert.Equal(BatchTaskStatus.Completed, r.Status));
        Assert.Equal(after.Skip(100).Take(20), (await batch.GetResultsAsync(100, 20))!.Results);
    }

    [Fact]
    public async Task A_window_above_the_server_cap_is_cut_to_it_and_a_failed_task_carries_its_error()
    {
        var batch = await Batches.CreateAsync(fixture.Grains, 100_000, [Batches.Task("ok"), Batches.Task("broken", movie: "missing")]);
        Assert.Equal(new BatchOptions().MaxWindow, (await batch.GetInfoAsync())!.Window);

        await batch.RunAsync();
        var info = await Batches.WaitAsync(batch, Batches.HasEnded);

        Assert.Equal((BatchStatus.Completed, 1, 1), (info.Status, info.Completed, info.Failed));
        var failed = (await batch.GetResultsAsync(1, 1))!.Results.Single();
        Assert.Equal((BatchTaskStatus.Failed, "missing"), (failed.Status, failed.Movie));
        Assert.NotNull(failed.ErrorCode);
    }

    [Fact]
    public async Task A_large_batch_is_stored_in_chunks_so_its_own_record_stays_small_and_no_write_holds_the_whole_batch()
    {
        var tasks = Enumerable.Range(0, 2_500).Select(i => Batches.Task($"large {i}")).ToList();
        var batch = await Batches.CreateAsync(fixture.Grains, 8, tasks, perCall: 500);
        var id = batch.GetPrimaryKeyString();
        await batch.CancelAsync();
        await ReactivateAllAsync();

        var blobs = await StateBlobsAsync(id);
        Assert.Equal(25, blobs.Count(b => b.Name.Contains("batch-tasks-", StringComparison.Ordinal)));
        Assert.Equal(25, blobs.Count(b => b.Name.Contains("batch-results-", StringComparison.Ordinal)));
        var record = Assert.Single(blobs, b => !b.Name.Contains("batch-tasks-", StringComparison.Ordinal)
            && !b.Name.Contains("batch-results-", StringComparison.Ordinal) && !b.Name.Contains("batch-movies", StringComparison.Ordinal));
        Assert.InRange(record.Bytes, 1, 4_096);
        var tasksChunk = blobs.Where(b => b.Name.Contains("batch-tasks-", StringComparison.Ordinal)).Max(b => b.Bytes);
        Assert.True(tasksChunk < blobs.Sum(b => b.Bytes) / 20, $"largest task chunk {tasksChunk} bytes");
        var info = (await batch.GetInfoAsync())!;
        Assert.Equal((BatchStatus.Cancelled, 2_500, 2_500), (info.Status, info.Total, info.Cancelled));
        var last = (await batch.GetResultsAsync(2_499, 10))!.Results.Single();
        Assert.Equal((2_499, BatchTaskStatus.Cancelled, 32), (last.Index, last.Status, last.Token.Length));
    }

    /// <summary>The grain-state blobs of the batch <paramref name="id"/> in every container, with their sizes.</summary>
    private async Task<List<(string Name, long Bytes)>> StateBlobsAsync(string id)
    {
        var found = new List<(string, long)>();
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(fixture.StorageConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            await foreach (var blob in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync())
            {
                if (blob.Name.Contains(id, StringComparison.Ordinal))
                {
                    found.Add((blob.Name, blob.Properties.ContentLength ?? 0));
                }
            }
        }

        return found;
    }

    private Task ReactivateAllAsync() => fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
}
