using Orleans.Render.Models;
using Orleans.Render.Models.Batches;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>A batch whose silo is killed mid-run.</summary>
public sealed partial class FailoverTests
{
    [Fact]
    public async Task A_batch_whose_silo_is_killed_mid_run_is_resumed_by_its_reminder_and_every_task_completes()
    {
        var movie = Movies.Unique(Batches.Tiny);
        var tasks = Enumerable.Range(0, 40).Select(i => Batches.Task($"f{i}")).ToList();
        var batch = await Batches.CreateAsync(fixture.Grains, 4, tasks, movie);
        await batch.RunAsync();
        var running = await Batches.WaitAsync(batch, i => i.Completed >= 8);
        Assert.Equal(BatchStatus.Running, running.Status);
        var before = (await batch.GetResultsAsync(0, 100))!.Results;

        await KillAsync(running.Silo);
        try
        {
            // Nothing calls the batch for a while: its reminder brings it back on a live silo, where it makes more tokens.
            var tokensAtKill = await ExistingAsync(before);
            await Task.Delay(TimeSpan.FromSeconds(8));
            Assert.True(await ExistingAsync(before) > tokensAtKill, "no task started while the batch was left alone");
            var info = await RetryAsync(() => Batches.WaitAsync(batch, Batches.HasEnded));

            var failed = (await batch.GetResultsAsync(0, 100))!.Results.Where(r => r.Status != BatchTaskStatus.Completed);
            Assert.True(info.Completed == 40, string.Join("; ", failed.Select(r => $"{r.Index} {r.Status} {r.ErrorCode} {r.Message}")));
            Assert.Equal((BatchStatus.Completed, 0), (info.Status, info.Failed));
            Assert.NotEqual(running.Silo, info.Silo);
            var after = (await batch.GetResultsAsync(0, 100))!.Results;
            Assert.Equal(before.Select(r => r.Token), after.Select(r => r.Token));
            foreach (var result in after)
            {
                var output = await RetryAsync(() => fixture.Grains.GetGrain<IRenderJobGrain>(result.Token).RenderAsync(new OutputRequest("mp4", PosterFrame: true)));
                Assert.Equal(OutputStatus.Done, output.Status);
            }
        }
        finally
        {
            await RestoreAsync();
        }
    }

    /// <summary>How many of the tasks' tokens exist, asked of their jobs, not of the batch.</summary>
    private async Task<int> ExistingAsync(IEnumerable<BatchTaskResult> results)
    {
        var count = 0;
        foreach (var result in results)
        {
            count += await RetryAsync(() => fixture.Grains.GetGrain<IRenderJobGrain>(result.Token).GetInfoAsync()) is null ? 0 : 1;
        }

        return count;
    }
}
