using Microsoft.Net.Http.Headers;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Conventions;
using Orleans.Render.Models;
using Orleans.Render.Storage;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// Retrieval, <c>GET /v2/{mode}/{token}.{ext}</c> (<see cref="DeliveryModes"/>): the stored output for <c>render</c>;
/// the token's stream for <c>get</c> and <c>play</c> and for HLS/DASH (<see cref="StreamResponses"/>), with the
/// playlists' segments at <c>/v2/{mode}/{token}/{segment}</c>. Open to the render API's origins (any by default), as
/// impossible.io's URLs are put into players and pages anywhere.
/// </summary>
public static class DeliveryEndpoints
{
    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v2").AddEndpointFilter<ProjectAccessFilter>().RequireCors(ApiCors.RenderPolicy).WithTags("Retrieval")
            .ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapMethods("/{mode:regex(^(render|get|play)$)}/{file}", [HttpMethods.Get, HttpMethods.Head], GetAsync)
            .WithSummary("A token's output, {token}.{extension}: rendered (render), streamed while it renders (get, play), or an HLS/DASH playlist")
            .DescribesOutput();
        group.MapMethods("/{mode:regex(^(render|get|play)$)}/{token}/{segment}", [HttpMethods.Get, HttpMethods.Head],
            (string mode, string token, string segment, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs) =>
                GetSegmentAsync(mode, token, null, segment, http, client, retry, media, logs))
            .WithSummary("An HLS segment: init.mp4 or {n}.m4s").DescribesSegment();
        group.MapMethods("/{mode:regex(^(render|get|play)$)}/{token}/{track:regex(^(v|a)$)}/{segment}", [HttpMethods.Get, HttpMethods.Head], GetSegmentAsync)
            .WithSummary("A DASH segment of one track: v (pictures) or a (sound)").DescribesSegment();
    }

    /// <summary>What an output URL answers: the file in the format's media type, or the error of its render.</summary>
    internal static RouteHandlerBuilder DescribesOutput(this RouteHandlerBuilder builder) => builder
        .ProducesFile([.. Enum.GetValues<OutputFormat>().Select(f => f.ContentType()), StreamPlaylists.HlsContentType, StreamPlaylists.DashContentType])
        .ProducesErrors(400, 404, 410, 422, 429);

    /// <summary>What a playlist's segment URL answers.</summary>
    internal static RouteHandlerBuilder DescribesSegment(this RouteHandlerBuilder builder) => builder
        .ProducesFile(["video/mp4", "audio/mp4"])
        .ProducesErrors(400, 404, 410, 422);

    private static async Task<IResult> GetAsync(
        string mode, string file, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs, int? frame, int? q)
    {
        var dot = file.LastIndexOf('.');
        var extension = dot > 0 ? file[(dot + 1)..].ToLowerInvariant() : "";
        if (Refuse(mode, extension, frame, q) is { } refused)
        {
            return refused;
        }

        var token = file[..dot];
        var (job, missing) = await RenderEndpoints.FindJobAsync(client, retry, token);
        if (missing is not null)
        {
            return missing;
        }

        return await ServeAsync(mode, token, job!, extension, new OutputRequest(extension, frame ?? 0, q ?? 85, PosterFrame: frame is null), http, client, retry, media, logs);
    }

    /// <summary>A 400 for an extension no mode serves, a mode that does not serve it, or a bad <c>frame</c> or <c>q</c>; null when the request is one to serve.</summary>
    internal static IResult? Refuse(string mode, string extension, int? frame, int? q)
    {
        if (!DeliveryModes.Extensions.Contains(extension))
        {
            return ApiErrors.BadRequest(
                "unsupported_extension", $"Ask for {{token}}.{{extension}}; '{(extension.Length > 10 ? extension[..10] : extension)}' is not one of {DeliveryModes.Describe()}.");
        }

        if (DeliveryModes.Refuse(mode, extension) is { } refused)
        {
            return refused;
        }

        if (frame is < 0)
        {
            return ApiErrors.BadRequest("invalid_frame", "'frame' must be a frame number, 0 or more.");
        }

        return q is < 10 or > 99 ? ApiErrors.BadRequest("invalid_quality", "'q' must be from 10 to 99.") : null;
    }

    /// <summary>Serves a live token's output in a mode <see cref="Refuse"/> let through: what every retrieval URL, v2 or v1 direct, answers.</summary>
    internal static async Task<IResult> ServeAsync(
        string mode, string token, IRenderJobGrain job, string extension, OutputRequest output,
        HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs)
    {
        var streams = new StreamResponses(http, client, retry, media, logs.CreateLogger(typeof(DeliveryEndpoints)));
        if (DeliveryModes.IsPlaylist(extension))
        {
            return await streams.PlaylistAsync(token, extension, waitForAll: mode == "render");
        }

        if (mode != "render" && OutputFormats.TryParse(extension, out var format) && format.Streams())
        {
            return await streams.ProgressiveAsync(token, extension, mode == "play" ? StreamMode.Play : StreamMode.Get);
        }

        var result = await retry.RepeatAsync(() => job.RenderAsync(output));
        if (result.Status != OutputStatus.Done)
        {
            return RenderEndpoints.FailureResult(result);
        }

        var stored = await media.GetAsync(result.MediaKey!, http.RequestAborted);
        if (stored is null)
        {
            return ApiErrors.Error(StatusCodes.Status410Gone, "output_gone", "The output was removed; the token has expired or was deleted.");
        }

        var stream = await media.OpenReadAsync(stored.Key, http.RequestAborted);
        return Results.File(
            stream, result.ContentType, lastModified: stored.LastModified, entityTag: new EntityTagHeaderValue(stored.ETag), enableRangeProcessing: true);
    }

    /// <summary>
    /// An HLS/DASH segment: <c>init.mp4</c> (the stream's header) or <c>{n}.m4s</c> (piece n's media), muxed for HLS or
    /// one track (<c>v</c> pictures, <c>a</c> sound) for DASH.
    /// </summary>
    internal static async Task<IResult> GetSegmentAsync(
        string mode, string token, string? track, string segment, HttpContext http, IClusterClient client, GrainCallRetry retry, IMediaStore media, ILoggerFactory logs)
    {
        if (mode == "play")
        {
            return DeliveryModes.Refuse(mode, "m3u8")!;
        }

        var index = segment == StreamPlaylists.InitName ? -1 : StreamResponses.PieceIndex(segment);
        if (index is null)
        {
            return ApiErrors.NotFound("unknown_segment", $"Segments are named {StreamPlaylists.InitName} and 0.m4s, 1.m4s, … as the playlist lists them.");
        }

        var (_, missing) = await RenderEndpoints.FindJobAsync(client, retry, token);
        if (missing is not null)
        {
            return missing;
        }

        uint? id = track switch { "v" => Fmp4Track.Video, "a" => Fmp4Track.Sound, _ => null };
        return await new StreamResponses(http, client, retry, media, logs.CreateLogger(typeof(DeliveryEndpoints))).SegmentAsync(token, index.Value, id);
    }
}
