using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Models;

namespace Orleans.Render.Api.Endpoints;

/// <summary>The impossible.io Render API v2: tokens, renders, progress and deletion (retrieval: <see cref="DeliveryEndpoints"/>). Private projects need credentials (<see cref="ProjectAccessFilter"/>).</summary>
public static class RenderEndpoints
{
    public static void MapRenderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2").AddEndpointFilter<ProjectAccessFilter>().RequireCors(ApiCors.RenderPolicy).WithTags("Render")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPost("/render/{project}", (string project, HttpContext http, IClusterClient client, GrainCallRetry retry, IOptions<RenderApiOptions> options) =>
            CreateAsync(project, http, client, retry, options.Value, renderNow: true))
            .WithSummary("Make a token and render its output (202 with async, 201 when every upload task is async)")
            .DocumentsBody<RenderRequestBody>()
            .Produces<TokenCreated>().Produces<TokenCreated>(StatusCodes.Status202Accepted).Produces<TokenCreated>(StatusCodes.Status201Created)
            .ProducesErrors(400, 403, 404, 413, 422, 429, 502);
        group.MapPost("/token/{project}", (string project, HttpContext http, IClusterClient client, GrainCallRetry retry, IOptions<RenderApiOptions> options) =>
            CreateAsync(project, http, client, retry, options.Value, renderNow: false))
            .WithSummary("Make a token without rendering").DocumentsBody<RenderRequestBody>().Produces<TokenCreated>().ProducesErrors(400, 403, 404, 413);
        group.MapGet("/progress/{token}", GetProgressAsync).WithSummary("A token's render progress").Produces<ProgressReport>().ProducesErrors(404, 410);
        group.MapGet("/progress/{token}/events", ProgressEventsEndpoints.StreamAsync)
            .WithSummary("A token's progress as Server-Sent Events (progress events, then end)").ProducesFile(["text/event-stream"]).ProducesErrors(404, 410);
        group.MapGet("/upload/{token}", UploadEndpoints.GetAsync).WithSummary("A token's upload tasks").Produces<UploadList>().ProducesErrors(404, 410);
        group.MapDelete("/token/{token}", DeleteAsync)
            .WithSummary("Delete a token: cancel its renders and uploads, forget its outputs").Produces(StatusCodes.Status204NoContent).ProducesErrors(404, 410);
    }

    private static async Task<IResult> CreateAsync(
        string project, HttpContext http, IClusterClient client, GrainCallRetry retry, RenderApiOptions options, bool renderNow)
    {
        var phases = new PhaseTimeline();
        phases.Begin("body");
        var (body, bodyError) = await ReadBodyAsync(http, options);
        if (body is null)
        {
            return bodyError!;
        }

        if (!renderNow && body.Uploads.Count > 0)
        {
            return ApiErrors.BadRequest("invalid_upload", "Upload tasks need POST /v2/render; POST /v2/token only makes a token.");
        }

        var credentials = http.RequestServices.GetRequiredService<IOptions<ServerCredentialsOptions>>().Value;
        if (ServerCredentialsCheck.Refuse(project, body.Uploads, body.UploadIsList, credentials) is { } refused)
        {
            return refused;
        }

        phases.Begin("movies");
        var (movies, moviesError) = await ProjectMoviesAsync(client, project, body.Movies.Values);
        if (movies is null)
        {
            return moviesError!;
        }

        var token = NewToken();
        var job = client.GetGrain<IRenderJobGrain>(token);
        var request = new RenderRequest(project, body.Movies, body.Params, body.Parallel, body.RoutingKey);
        var extension = body.DefaultExtension();
        var url = $"{BaseUrl(http, options)}/v2/render/{token}.{extension}";
        if (renderNow && body.Async && body.Uploads.Count == 0)
        {
            // One call creates the token and queues its render, or creates nothing (a full project queue is 429).
            var submitted = await job.SubmitAsync(request, movies, options.TokenTtl, new OutputRequest(extension, PosterFrame: true));
            return submitted.Info is { } queued
                ? Results.Json(new TokenCreated(token, url, queued.ExpiresAt.ToUnixTimeSeconds(), 202), statusCode: StatusCodes.Status202Accepted)
                : FailureResult(new OutputResult(OutputStatus.Failed, null, "", submitted.ErrorCode, submitted.Message, IsInputError: true));
        }

        phases.Begin("create");
        var info = await job.CreateAsync(request, movies, options.TokenTtl);
        var expires = info.ExpiresAt.ToUnixTimeSeconds();
        if (!renderNow)
        {
            return Results.Json(new TokenCreated(token, null, expires, 200));
        }

        if (body.Uploads.Count > 0)
        {
            return await UploadEndpoints.StartAsync(client, retry, project, token, url, expires, body);
        }

        phases.Begin("render");
        var result = await retry.RepeatAsync(() => job.RenderAsync(new OutputRequest(extension, PosterFrame: true)));
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RenderEndpoints)).LogInformation(PhaseTimeline.Message, token, "api-render", phases);
        return result.Status == OutputStatus.Done
            ? Results.Json(new TokenCreated(token, url, expires, 200))
            : FailureResult(result);
    }

    private static async Task<(RenderBody? Body, IResult? Error)> ReadBodyAsync(HttpContext http, RenderApiOptions options)
    {
        var (document, error) = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
        if (error is not null)
        {
            return (null, error);
        }

        using (document)
        {
            var (body, invalid) = RenderBody.Parse(document!.RootElement, options.MaxParallel, options.Pools, http.RequestServices.GetRequiredService<OutboundUrlPolicy>());
            var tooMuch = body is null ? null : ParamLimits.Check(body.Params, http.RequestServices.GetRequiredService<IOptions<InputLimitsOptions>>().Value);
            return tooMuch is null ? (body, invalid) : (null, tooMuch);
        }
    }

    /// <summary>The JSON of every movie named, from the project; a missing project or movie is 404.</summary>
    internal static async Task<(Dictionary<string, string>? Movies, IResult? Error)> ProjectMoviesAsync(IClusterClient client, string project, IEnumerable<string> names)
    {
        var projectGrain = await ProjectEndpoints.FindProjectAsync(client, project);
        if (projectGrain is null)
        {
            return (null, ProjectEndpoints.UnknownProject(project));
        }

        var movies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names.Distinct())
        {
            var json = await projectGrain.GetMovieAsync(name);
            if (json is null)
            {
                return (null, ProjectEndpoints.UnknownMovie(name));
            }

            movies[name] = json;
        }

        return (movies, null);
    }

    private static async Task<IResult> GetProgressAsync(string token, IClusterClient client, GrainCallRetry retry)
    {
        var (job, missing) = await FindJobAsync(client, retry, token);
        if (missing is not null)
        {
            return missing;
        }

        var progress = await retry.ReadAsync(() => job!.GetProgressAsync());
        return Results.Json(new ProgressReport(
            token,
            progress.Done,
            progress.Total,
            progress.Status.ToString().ToLowerInvariant(),
            progress.Status == OutputStatus.Queued ? progress.Position : null,
            progress.Reused));
    }

    private static async Task<IResult> DeleteAsync(string token, IClusterClient client, GrainCallRetry retry)
    {
        if (!Names.IsValidToken(token))
        {
            return UnknownToken();
        }

        await UploadEndpoints.CancelAsync(client, retry, token);
        var job = client.GetGrain<IRenderJobGrain>(token);
        if (await job.DeleteAsync())
        {
            return Results.NoContent();
        }

        return await retry.ReadAsync(() => job.GetInfoAsync()) is { Cancelled: true } ? Cancelled() : UnknownToken();
    }

    internal static async Task<(IRenderJobGrain? Job, IResult? Error)> FindJobAsync(IClusterClient client, GrainCallRetry retry, string token)
    {
        if (!Names.IsValidToken(token))
        {
            return (null, UnknownToken());
        }

        var job = client.GetGrain<IRenderJobGrain>(token);
        var info = await retry.ReadAsync(() => job.GetInfoAsync());
        if (info is null)
        {
            return (null, UnknownToken());
        }

        return info switch
        {
            { Cancelled: true } => (null, Cancelled()),
            { Expired: true } => (null, ApiErrors.Error(StatusCodes.Status410Gone, "expired", "The token has expired and its outputs are gone.")),
            _ => (job, null),
        };
    }

    internal static IResult FailureResult(OutputResult result)
    {
        var message = result.Message ?? "The render failed.";
        if (result.ErrorCode == "queue_timeout")
        {
            return ApiErrors.RetryLater(StatusCodes.Status503ServiceUnavailable, "queue_timeout", message, result.RetryAfterSeconds);
        }

        var status = result.ErrorCode switch
        {
            "unsupported_extension" or "extension_not_mapped" or "frame_out_of_range" => StatusCodes.Status400BadRequest,
            "unknown_token" or "unknown_piece" => StatusCodes.Status404NotFound,
            "expired" or "cancelled" => StatusCodes.Status410Gone,
            "pool_unavailable" => StatusCodes.Status503ServiceUnavailable,
            "queue_full" => StatusCodes.Status429TooManyRequests,
            _ when result.IsInputError => StatusCodes.Status422UnprocessableEntity,
            _ => StatusCodes.Status500InternalServerError,
        };
        return ApiErrors.Error(status, result.ErrorCode ?? "render_failed", message);
    }

    private static IResult UnknownToken() => ApiErrors.NotFound("unknown_token", "There is no such token.");

    private static IResult Cancelled() => ApiErrors.Error(StatusCodes.Status410Gone, "cancelled", "The token was deleted and its outputs are gone.");

    /// <summary>24 random bytes (192 bits) as URL-safe base64: 32 characters, never guessable.</summary>
    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    internal static string BaseUrl(HttpContext http, RenderApiOptions options) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? string.Create(CultureInfo.InvariantCulture, $"{http.Request.Scheme}://{http.Request.Host}")
            : options.PublicBaseUrl.TrimEnd('/');
}
