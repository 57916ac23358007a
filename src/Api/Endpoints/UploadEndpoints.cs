using Orleans.Render.Api.Http;
using Orleans.Render.Models;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// The upload grains of a token (task <c>i</c> is <see cref="UploadJob.KeyOf"/>; task 0 knows how many there are):
/// started by <c>POST /v2/render</c>, listed by <c>GET /v2/upload/{token}</c>, cancelled when the token is deleted.
/// Routes are mapped with the rest of the v2 API in <see cref="RenderEndpoints"/>.
/// </summary>
public static class UploadEndpoints
{
    /// <summary>
    /// Starts every upload task; answers 201 at once when all are async, else waits for the sync ones and answers with
    /// their results in task order (<c>uploads</c>, and <c>upload</c> for older clients; null for an async task).
    /// </summary>
    internal static async Task<IResult> StartAsync(
        IClusterClient client, GrainCallRetry retry, string project, string token, string url, long expires, RenderBody body)
    {
        var jobs = body.Uploads.Select((task, index) => new UploadJob(token, project, index, body.Uploads.Count, task)).ToList();
        var grains = jobs.Select(j => client.GetGrain<IUploadGrain>(j.Key)).ToList();
        await Task.WhenAll(jobs.Select((job, i) => retry.RepeatAsync(() => grains[i].StartAsync(job))));
        if (jobs.All(j => j.Task.Async))
        {
            return Results.Json(new { token, url, expires, status = 201 }, statusCode: StatusCodes.Status201Created);
        }

        var infos = await Task.WhenAll(jobs.Select((job, i) => job.Task.Async ? Task.FromResult<UploadInfo?>(null) : retry.RepeatAsync<UploadInfo?>(async () => await grains[i].WaitAsync())));
        if (infos.FirstOrDefault(i => i is { Status: UploadStatus.Failed or UploadStatus.Cancelled }) is { } failed)
        {
            return Failure(failed, token);
        }

        var results = infos.Select(i => i?.Result).ToList();
        object? uploads = body.UploadIsList ? results : results[0];
        return Results.Json(new { token, url, expires, status = 200, uploads, upload = uploads });
    }

    internal static async Task<IResult> GetAsync(string token, IClusterClient client, GrainCallRetry retry)
    {
        var (_, missing) = await RenderEndpoints.FindJobAsync(client, retry, token);
        if (missing is not null)
        {
            return missing;
        }

        var grains = await UploadsOfAsync(client, retry, token);
        if (grains.Count == 0)
        {
            return ApiErrors.NotFound("no_uploads", "The token has no upload tasks.");
        }

        var infos = await Task.WhenAll(grains.Select(grain => retry.ReadAsync(grain.GetInfoAsync)));
        var uploads = infos.OfType<UploadInfo>().Select(u => new
        {
            index = u.Index,
            type = u.Type,
            extension = u.Extension,
            async = u.Async,
            state = u.Status.ToString().ToLowerInvariant(),
            queued = u.Queued,
            attempts = u.Attempts,
            nextAttemptAt = u.NextAttemptAt,
            lastError = u.LastError,
            result = u.Result,
            callback = u.Callback.ToString().ToLowerInvariant(),
        });
        return Results.Json(new { token, uploads });
    }

    /// <summary>Before the job goes: an upload left running would render the token again or call back after it is gone.</summary>
    internal static async Task CancelAsync(IClusterClient client, GrainCallRetry retry, string token)
    {
        var grains = await UploadsOfAsync(client, retry, token);
        await Task.WhenAll(grains.Select(grain => retry.RepeatAsync(grain.CancelAsync)));
    }

    /// <summary>The token's upload grains in task order; none when it has no upload tasks.</summary>
    internal static async Task<IReadOnlyList<IUploadGrain>> UploadsOfAsync(IClusterClient client, GrainCallRetry retry, string token)
    {
        var first = await retry.ReadAsync(() => client.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, 0)).GetInfoAsync());
        return first is null ? [] : [.. Enumerable.Range(0, first.TaskCount).Select(i => client.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, i)))];
    }

    /// <summary>A sync upload failed for good: cancelled with its token, its render's own error, or the destination's.</summary>
    private static IResult Failure(UploadInfo failed, string token)
    {
        if (failed.Status == UploadStatus.Cancelled)
        {
            return ApiErrors.Error(StatusCodes.Status410Gone, "cancelled", $"Upload {failed.Index} was cancelled: the token {token} was deleted.");
        }

        // The render failed, not the destination: answer as the same render without an upload would (422 for bad params).
        if (failed.RenderError is { } code)
        {
            return RenderEndpoints.FailureResult(new OutputResult(OutputStatus.Failed, null, "", code, $"{failed.LastError} The token is {token}.", failed.IsRenderInputError));
        }

        return ApiErrors.Error(
            StatusCodes.Status502BadGateway, "upload_failed",
            $"Upload {failed.Index} ({failed.Type}) failed after {failed.Attempts} attempt(s): {failed.LastError} The token is {token}.");
    }
}
