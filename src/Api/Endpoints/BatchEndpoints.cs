using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Models.Batches;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// The batch API of the impossible.io SDKs (v3), under both path variants they use: TS/Python/Rust read
/// <c>GET /v2/batch/{id}</c> and <c>GET /v2/batch/{id}/results</c>, Go reads <c>GET /v2/batch/{id}/status</c> and
/// <c>GET /v2/batch/run/{runId}/results</c> (a batch's run id is its id). Credentials as for renders: a private
/// project's batches need its render key. Without a <c>project</c> in the body, <c>Authorization: Bearer</c> names the
/// project: a render key's own, else the bearer value is taken as the project id.
/// </summary>
public static class BatchEndpoints
{
    public static void MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2/batch").AddEndpointFilter<ProjectAccessFilter>().RequireCors(ApiCors.RenderPolicy).WithTags("Batches")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("", CreateAsync)
            .WithSummary("Create a batch").DocumentsBody<BatchCreateBody>(optional: true)
            .Produces<BatchStatusReport>(StatusCodes.Status201Created).ProducesErrors(400, 404, 413);
        group.MapPost("/{id}/tasks", AddTasksAsync)
            .WithSummary("Add render tasks").DocumentsBody<BatchTasksBody>().Produces(StatusCodes.Status204NoContent).ProducesErrors(400, 403, 404, 409, 413, 422);
        group.MapPost("/{id}/run", (string id, IClusterClient client, GrainCallRetry retry) => ChangeAsync(id, client, retry, b => b.RunAsync()))
            .WithSummary("Start running the tasks").Produces(StatusCodes.Status204NoContent).ProducesErrors(404, 409, 422);
        group.MapPost("/{id}/cancel", (string id, IClusterClient client, GrainCallRetry retry) => ChangeAsync(id, client, retry, b => b.CancelAsync()))
            .WithSummary("Cancel the tasks left").Produces(StatusCodes.Status204NoContent).ProducesErrors(404, 409, 422);
        group.MapGet("/{id}", StatusAsync).WithSummary("A batch's status").Produces<BatchStatusReport>().ProducesErrors(404);
        group.MapGet("/{id}/status", StatusAsync).WithSummary("A batch's status (Go SDK path)").Produces<BatchStatusReport>().ProducesErrors(404);
        group.MapGet("/{id}/results", ResultsAsync)
            .WithSummary("Every task's result in task order, paged with offset and limit").Produces<BatchTaskReport[]>().ProducesErrors(400, 404);
        group.MapGet("/run/{id}/results", ResultsAsync)
            .WithSummary("Every task's result (Go SDK path)").Produces<BatchTaskReport[]>().ProducesErrors(400, 404);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, IClusterClient client, GrainCallRetry retry, IOptions<RenderApiOptions> options)
    {
        var (bytes, readError) = await JsonBody.ReadBytesAsync(http.Request, http.RequestAborted);
        if (readError is not null)
        {
            return readError;
        }

        JsonDocument? document = null;
        try
        {
            document = bytes.IsEmpty ? null : JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("invalid_json", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var (project, routing, window, error) = BatchBody.ParseCreate(document?.RootElement, http.Request.Headers.Authorization, options.Value.Pools);
            if (error is not null)
            {
                return error;
            }

            if (await http.RequestServices.GetRequiredService<RenderAccess>().CheckAsync(http, project!, http.Request.Path.Value ?? "") is { } refused)
            {
                return refused;
            }

            if (await ProjectEndpoints.FindProjectAsync(client, project!) is null)
            {
                return ProjectEndpoints.UnknownProject(project!);
            }

            var id = RenderEndpoints.NewToken();
            var info = await retry.RepeatAsync(() => client.GetGrain<IBatchGrain>(id).CreateAsync(new BatchSettings(project!, routing, window, options.Value.TokenTtl)));
            return Results.Json(Status(info), statusCode: StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> AddTasksAsync(string id, HttpContext http, IClusterClient client, GrainCallRetry retry, IOptions<RenderApiOptions> options)
    {
        var (batch, info, missing) = await FindAsync(id, client, retry);
        if (missing is not null)
        {
            return missing;
        }

        var (document, bodyError) = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
        if (bodyError is not null)
        {
            return bodyError;
        }

        List<BatchTask> tasks;
        using (document)
        {
            var (parsed, error) = BatchBody.ParseTasks(
                document!.RootElement,
                info!.Project,
                info.Routing,
                options.Value.MaxParallel,
                options.Value.Pools,
                http.RequestServices.GetRequiredService<OutboundUrlPolicy>(),
                http.RequestServices.GetRequiredService<IOptions<InputLimitsOptions>>().Value,
                http.RequestServices.GetRequiredService<IOptions<ServerCredentialsOptions>>().Value);
            if (error is not null)
            {
                return error;
            }

            tasks = parsed!;
        }

        var (movies, moviesError) = await RenderEndpoints.ProjectMoviesAsync(client, info.Project, tasks.SelectMany(t => t.Request.Movies.Values));
        if (movies is null)
        {
            return moviesError!;
        }

        var update = await retry.RepeatAsync(() => batch!.AddTasksAsync(tasks, movies));
        return update.ErrorCode is null ? Results.NoContent() : Refused(update);
    }

    private static async Task<IResult> ChangeAsync(string id, IClusterClient client, GrainCallRetry retry, Func<IBatchGrain, Task<BatchUpdate>> change)
    {
        var (batch, _, missing) = await FindAsync(id, client, retry);
        if (missing is not null)
        {
            return missing;
        }

        var update = await retry.RepeatAsync(() => change(batch!));
        return update.ErrorCode is null ? Results.NoContent() : Refused(update);
    }

    private static async Task<IResult> StatusAsync(string id, IClusterClient client, GrainCallRetry retry)
    {
        var (_, info, missing) = await FindAsync(id, client, retry);
        return missing ?? Results.Json(Status(info!));
    }

    /// <summary>
    /// Every task's result in task order, as the SDKs read them (a bare array). Large batches are paged with
    /// <c>offset</c> and <c>limit</c> (at most <see cref="MaxPage"/>); <c>X-Total-Count</c> says how many tasks there
    /// are and a <c>Link</c> header with <c>rel="next"</c> points at the next page while there is one.
    /// </summary>
    private static async Task<IResult> ResultsAsync(
        string id, int? offset, int? limit, HttpContext http, IClusterClient client, GrainCallRetry retry, IOptions<RenderApiOptions> options)
    {
        if (offset < 0 || limit < 1)
        {
            return ApiErrors.BadRequest("invalid_page", "'offset' must be 0 or more and 'limit' 1 or more.");
        }

        var (batch, _, missing) = await FindAsync(id, client, retry);
        if (missing is not null)
        {
            return missing;
        }

        var (from, size) = (offset ?? 0, Math.Min(limit ?? MaxPage, MaxPage));
        var page = await retry.ReadAsync(() => batch!.GetResultsAsync(from, size));
        if (page is null)
        {
            return UnknownBatch();
        }

        http.Response.Headers["X-Total-Count"] = page.Total.ToString(CultureInfo.InvariantCulture);
        if (from + page.Results.Count < page.Total)
        {
            http.Response.Headers.Link = string.Create(CultureInfo.InvariantCulture, $"<{http.Request.Path}?offset={from + page.Results.Count}&limit={size}>; rel=\"next\"");
        }

        var baseUrl = RenderEndpoints.BaseUrl(http, options.Value);
        return Results.Json(page.Results.Select(r => new BatchTaskReport(
            r.Index, r.Token, $"{baseUrl}/v2/render/{r.Token}.{r.Extension}", Name(r.Status), r.Movie, r.Extension, r.Message, r.ErrorCode, r.Uploads)));
    }

    /// <summary>The most results one page holds; a batch's results without paging parameters are its first page.</summary>
    public const int MaxPage = 10_000;

    private static async Task<(IBatchGrain? Batch, BatchInfo? Info, IResult? Error)> FindAsync(string id, IClusterClient client, GrainCallRetry retry)
    {
        if (!Names.IsValidToken(id))
        {
            return (null, null, UnknownBatch());
        }

        var batch = client.GetGrain<IBatchGrain>(id);
        var info = await retry.ReadAsync(() => batch.GetInfoAsync());
        return info is null ? (null, null, UnknownBatch()) : (batch, info, null);
    }

    private static BatchStatusReport Status(BatchInfo info) => new(
        info.Id,
        info.Id,
        info.Id,
        Name(info.Status),
        info.Total,
        info.Total,
        info.Completed + info.Failed + info.Cancelled,
        info.Completed,
        info.Failed,
        info.Cancelled,
        info.Running,
        info.Window,
        info.Project,
        info.Routing);

    private static string Name<T>(T status)
        where T : struct, Enum => status.ToString().ToLowerInvariant();

    private static IResult Refused(BatchUpdate update) => update.ErrorCode switch
    {
        "unknown_batch" => UnknownBatch(),
        "batch_ended" => ApiErrors.Error(StatusCodes.Status409Conflict, "batch_ended", update.Message!),
        _ => ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, update.ErrorCode!, update.Message!),
    };

    private static IResult UnknownBatch() => ApiErrors.NotFound("unknown_batch", "There is no such batch.");
}
