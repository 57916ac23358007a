using Microsoft.Extensions.Logging;
using Orleans.Render.Models;
using Orleans.Render.Models.Batches;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Batches;

/// <summary>
/// Runs one batch task the way <c>POST /v2/render</c> runs a request: the token's job is created (its record joins the
/// silo's token ledger), then the output is rendered and waited for, or the upload tasks are started and waited for.
/// A task started again after its batch lost its silo finds its token and joins the render under way.
/// </summary>
public sealed class BatchTaskRunner(IGrainFactory grains, ILogger<BatchTaskRunner> logger)
{
    private const int MaxAttempts = 5;

    public async Task<BatchOutcome> RunAsync(
        string token, BatchTask task, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive, bool resumed, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RunOnceAsync(token, task, movies, timeToLive, resumed).WaitAsync(cancellation);
            }
            catch (Exception ex) when (IsWorthAnotherAttempt(ex) && attempt < MaxAttempts && !cancellation.IsCancellationRequested)
            {
                logger.LogInformation("Batch task {Token} met {Error}; trying again", token, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellation);
                resumed = true;
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Batch task {Token} failed", token);
                return new BatchOutcome(BatchTaskStatus.Failed, "render_failed", "The task could not be run: " + ex.Message);
            }
        }
    }

    /// <summary>Failures of the cluster rather than of the task: a silo or activation lost mid-call, a render's system fault.</summary>
    private static bool IsWorthAnotherAttempt(Exception ex) => ex is OrleansException or TimeoutException or SystemFaultException;

    /// <summary>Stops a task that is under way, as <c>DELETE /v2/token</c> does: its uploads first, then its token.</summary>
    public async Task CancelAsync(string token, BatchTask task)
    {
        await Task.WhenAll(Enumerable.Range(0, task.Uploads.Count).Select(i => grains.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, i)).CancelAsync()));
        await grains.GetGrain<IRenderJobGrain>(token).DeleteAsync();
    }

    private async Task<BatchOutcome> RunOnceAsync(
        string token, BatchTask task, IReadOnlyDictionary<string, string> movies, TimeSpan timeToLive, bool resumed)
    {
        var job = grains.GetGrain<IRenderJobGrain>(token);
        var info = resumed ? await job.GetInfoAsync() : null;
        if (info is { Cancelled: true })
        {
            return BatchOutcome.Cancelled;
        }

        if (info is null)
        {
            var named = task.Request.Movies.Values.Distinct().ToDictionary(name => name, name => movies[name], StringComparer.Ordinal);
            await job.CreateAsync(task.Request, named, timeToLive);
        }

        if (task.Uploads.Count > 0)
        {
            return await UploadAsync(token, task);
        }

        while (true)
        {
            // A render still queued after the blocking wait answers Queued and goes on; asking again joins it.
            var result = await job.RenderAsync(new OutputRequest(task.Extension, PosterFrame: true));
            switch (result.Status)
            {
                case OutputStatus.Done:
                    return new BatchOutcome(BatchTaskStatus.Completed);
                case OutputStatus.Cancelled:
                    return BatchOutcome.Cancelled;
                case OutputStatus.Failed when !result.IsInputError:
                    // A system fault (a silo lost at the wrong moment): a client would ask again, so the batch does.
                    throw new SystemFaultException(result.ErrorCode, result.Message);
                case OutputStatus.Failed:
                    return new BatchOutcome(BatchTaskStatus.Failed, result.ErrorCode ?? "render_failed", result.Message);
            }
        }
    }

    private async Task<BatchOutcome> UploadAsync(string token, BatchTask task)
    {
        var jobs = task.Uploads.Select((upload, index) => new UploadJob(token, task.Request.Project, index, task.Uploads.Count, upload)).ToList();
        var uploads = jobs.Select(j => grains.GetGrain<IUploadGrain>(j.Key)).ToList();
        await Task.WhenAll(jobs.Select((job, i) => uploads[i].StartAsync(job)));
        var infos = await Task.WhenAll(uploads.Select(u => u.WaitAsync()));
        return infos.FirstOrDefault(i => i.Status is UploadStatus.Failed or UploadStatus.Cancelled) switch
        {
            { Status: UploadStatus.Cancelled } => BatchOutcome.Cancelled,
            { } failed => new BatchOutcome(BatchTaskStatus.Failed, failed.RenderError ?? "upload_failed", failed.LastError),
            null => new BatchOutcome(BatchTaskStatus.Completed, Uploads: [.. infos.Select(i => i.Result)]),
        };
    }

    private sealed class SystemFaultException(string? code, string? message) : Exception($"{code}: {message}");
}
