using Microsoft.Extensions.Options;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Conventions;
using Orleans.Render.Models;
using Orleans.Render.Storage;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// impossible.io's Render API v1 (§1.5): <c>GET /v1/{mode}/{project}/{movie}.{ext}?name=value…</c> renders and
/// delivers in one request, without credentials (a private project's need a signed URL or a render key), for URLs pasted into pages and e-mails. It finds or makes the token
/// that the query stands for (<see cref="DirectRenderRequest"/>) and then answers exactly as
/// <c>/v2/{mode}/{token}.{ext}</c> does (<see cref="DeliveryEndpoints"/>), so the same query serves the stored output;
/// playlists' segments are at <c>/v1/{mode}/{project}/{token}/…</c>, relative to the playlist.
/// </summary>
public static class DirectRenderEndpoints
{
    public static void MapDirectRenderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/{mode:regex(^(render|get|play)$)}/{project}").AddEndpointFilter<ProjectAccessFilter>().RequireCors(ApiCors.RenderPolicy).WithTags("Retrieval")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        group.MapMethods("/{file}", methods, GetAsync)
            .WithSummary("Render {movie}.{extension} with the query string as params and deliver it in one request (impossible.io v1)")
            .DescribesOutput();
        group.MapMethods("/{token}/{segment}", methods,
            (string mode, string token, string segment, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs) =>
                DeliveryEndpoints.GetSegmentAsync(mode, token, null, segment, http, client, retry, media, logs))
            .WithSummary("An HLS segment of a v1 playlist").DescribesSegment();
        group.MapMethods("/{token}/{track:regex(^(v|a)$)}/{segment}", methods,
            (string mode, string token, string track, string segment, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs) =>
                DeliveryEndpoints.GetSegmentAsync(mode, token, track, segment, http, client, retry, media, logs))
            .WithSummary("A DASH segment of a v1 playlist").DescribesSegment();
    }

    private static async Task<IResult> GetAsync(
        string mode, string project, string file, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs,
        IOptions<RenderApiOptions> options)
    {
        var dot = file.LastIndexOf('.');
        var movie = dot > 0 ? file[..dot] : file;
        var extension = dot > 0 ? file[(dot + 1)..].ToLowerInvariant() : "";
        var (request, invalid) = DirectRenderRequest.Parse(http.Request.Query, extension);
        if (request is null)
        {
            return invalid!;
        }

        if (DeliveryEndpoints.Refuse(mode, extension, null, request.Quality) is { } refused)
        {
            return refused;
        }

        if (!Names.IsValidName(movie))
        {
            return ProjectEndpoints.UnknownMovie(movie);
        }

        if (!options.Value.Pools.Contains(ClusterDefaults.Pool))
        {
            return ApiErrors.BadRequest("unknown_routing_key", $"Direct renders use the render pool '{ClusterDefaults.Pool}', which Render:Pools does not list.");
        }

        var movieMap = new Dictionary<string, string>(StringComparer.Ordinal) { ["*"] = movie };
        var (movies, missing) = await RenderEndpoints.ProjectMoviesAsync(client, project, movieMap.Values);
        if (movies is null)
        {
            return missing!;
        }

        var ttl = options.Value.TokenTtl;
        var render = new RenderRequest(project, movieMap, request.Params, Parallel: 1, ClusterDefaults.Pool);
        var token = request.Token(project, movie, movies[movie], render.RoutingKey, DateTimeOffset.UtcNow, ttl);
        var job = client.GetGrain<IRenderJobGrain>(token);
        var info = await retry.RepeatAsync(() => job.OpenAsync(render, movies, ttl));
        if (info.Cancelled || info.Expired)
        {
            // Deleted (its token can be worked out from the URL and the movie) or past its time: a drawn token takes
            // over, and the segment store still has the render.
            token = RenderEndpoints.NewToken();
            job = client.GetGrain<IRenderJobGrain>(token);
            await job.CreateAsync(render, movies, ttl);
        }

        var output = new OutputRequest(extension, Quality: request.Quality ?? 85, PosterFrame: true);
        return await DeliveryEndpoints.ServeAsync(mode, token, job, extension, output, http, client, retry, media, logs);
    }
}
