using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A loopback server playing every HTTP upload destination and callback receiver, recording what arrived:
/// <list type="bullet">
/// <item><c>PUT /http/{path}</c> (body) and <c>POST /http/{path}</c> (multipart, any file field): <see cref="HttpObjects"/>.</item>
/// <item>YouTube's resumable upload (<c>POST /upload/youtube/v3/videos</c>, then <c>PUT</c> on the session URI, including
/// status queries with <c>Content-Range: bytes */N</c>) and <c>POST /youtube/v3/playlistItems</c>: <see cref="YouTubeVideos"/>.</item>
/// <item>The Graph API's resumable video upload (<c>POST /{target}/videos</c>, phases start, transfer, finish): <see cref="FacebookVideos"/>.</item>
/// <item>Dropbox's <c>/2/files/upload</c> and upload sessions (<c>start</c>, <c>append_v2</c>, <c>finish</c>), overwriting by path: <see cref="DropboxFiles"/>.</item>
/// <item><c>GET /callback/{name}?msg=…</c>: <see cref="Callbacks"/>.</item>
/// <item><c>GET|POST /webhook/{name}</c>: <see cref="Webhooks"/>, with the signature headers.</item>
/// </list>
/// <see cref="FailNextUploads"/> makes upload requests answer 503; <see cref="YouTubeCutAfterBytes"/> makes one YouTube
/// PUT keep only part of its body and then fail, as a dropped connection would.
/// </summary>
public sealed class UploadTargetServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, YouTubeSession> youTubeSessions = new();
    private readonly ConcurrentDictionary<string, FacebookSession> facebookSessions = new();
    private readonly ConcurrentDictionary<string, MemoryStream> dropboxSessions = new();
    private int failNext;
    private int failNextWebhooks;
    private int inFlight;
    private int nextId;

    private UploadTargetServer(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string BaseUrl => $"http://{Endpoint}";

    public string Url(string path) => $"{BaseUrl}/{path.TrimStart('/')}";

    /// <summary>Objects that arrived over <c>/http/</c>, by path, with the request's headers; a repeat replaces the bytes.</summary>
    public ConcurrentDictionary<string, ReceivedObject> HttpObjects { get; } = new();

    /// <summary>Every upload request (http, YouTube, Facebook) that reached the server, failed ones included.</summary>
    public ConcurrentQueue<string> UploadRequests { get; } = new();

    public ConcurrentQueue<(string Name, string Message)> Callbacks { get; } = new();

    /// <summary>Every <c>/webhook/{name}</c> request, answered 503 while <see cref="FailNextWebhooks"/> lasts.</summary>
    public ConcurrentQueue<WebhookRequest> Webhooks { get; } = new();

    public int FailNextWebhooks { set => failNextWebhooks = value; }

    public ConcurrentDictionary<string, YouTubeVideo> YouTubeVideos { get; } = new();

    public ConcurrentQueue<JsonObject> YouTubePlaylistItems { get; } = new();

    /// <summary>Each YouTube chunk PUT as (start, length), in arrival order.</summary>
    public ConcurrentQueue<(long Start, int Length)> YouTubeChunks { get; } = new();

    public ConcurrentDictionary<string, FacebookVideo> FacebookVideos { get; } = new();

    /// <summary>Files that arrived over the Dropbox API, by path, with the Authorization header they came with.</summary>
    public ConcurrentDictionary<string, (byte[] Bytes, string Authorization)> DropboxFiles { get; } = new();

    /// <summary>Upload requests still to be answered with 503; negative means every one.</summary>
    public int FailNextUploads
    {
        get => Volatile.Read(ref failNext);
        set => Volatile.Write(ref failNext, value);
    }

    /// <summary>The next YouTube chunk PUT keeps this many bytes of its body, then answers 503.</summary>
    public int? YouTubeCutAfterBytes { get; set; }

    /// <summary>How long each <c>/http/</c> upload is held before it is answered, to see uploads overlap.</summary>
    public TimeSpan HoldUploads { get; set; }

    /// <summary>The most <c>/http/</c> uploads that were in progress at once.</summary>
    public int MaxConcurrentUploads { get; private set; }

    public static async Task<UploadTargetServer> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var server = new UploadTargetServer(app, port);
        app.MapMethods("/http/{**path}", [HttpMethods.Put, HttpMethods.Post], server.ReceiveHttpAsync);
        app.MapGet("/callback/{**name}", (string name, string? msg) =>
        {
            server.Callbacks.Enqueue((name, msg ?? ""));
            return Results.Ok();
        });
        app.MapMethods("/webhook/{**name}", [HttpMethods.Get, HttpMethods.Post], async (string name, HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            server.Webhooks.Enqueue(new(name, request.Method, request.Path + request.QueryString, body,
                request.Headers["X-Timestamp"].ToString(), request.Headers["X-Signature"].ToString()));
            return Interlocked.Decrement(ref server.failNextWebhooks) >= 0 ? Results.StatusCode(503) : Results.Ok();
        });
        app.MapPost("/upload/youtube/v3/videos", (Delegate)server.StartYouTubeAsync);
        app.MapPut("/upload/youtube/v3/videos", server.PutYouTubeAsync);
        app.MapPost("/youtube/v3/playlistItems", async (HttpRequest request) =>
        {
            server.YouTubePlaylistItems.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.Ok(new { id = "item" });
        });
        app.MapPost("/{target}/videos", server.FacebookAsync);
        app.MapPost("/2/files/{**endpoint}", server.DropboxAsync);
        await app.StartAsync();
        return server;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private bool ShouldFail()
    {
        while (true)
        {
            var current = Volatile.Read(ref failNext);
            if (current == 0)
            {
                return false;
            }

            if (current < 0 || Interlocked.CompareExchange(ref failNext, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private async Task<IResult> ReceiveHttpAsync(string path, HttpRequest request)
    {
        UploadRequests.Enqueue($"{request.Method} /http/{path}");
        var now = Interlocked.Increment(ref inFlight);
        lock (HttpObjects)
        {
            MaxConcurrentUploads = Math.Max(MaxConcurrentUploads, now);
        }

        try
        {
            await Task.Delay(HoldUploads);
            byte[] bytes;
            string? fileName = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                var file = form.Files.Single();
                fileName = $"{file.Name}:{file.FileName}";
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                bytes = buffer.ToArray();
            }
            else
            {
                bytes = await ReadAllAsync(request.Body);
            }

            if (ShouldFail())
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            HttpObjects[path] = new ReceivedObject(bytes, request.Method, request.ContentType, fileName, headers);
            return Results.Created($"/http/{path}", null);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task<IResult> StartYouTubeAsync(HttpContext context)
    {
        var request = context.Request;
        UploadRequests.Enqueue("POST youtube start");
        var metadata = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        var id = $"session-{Interlocked.Increment(ref nextId)}";
        youTubeSessions[id] = new YouTubeSession(
            request.Headers.Authorization.ToString(), request.QueryString.Value ?? "", metadata,
            long.Parse(request.Headers["X-Upload-Content-Length"].ToString(), CultureInfo.InvariantCulture), request.Headers["X-Upload-Content-Type"].ToString());
        context.Response.Headers.Location = $"{BaseUrl}/upload/youtube/v3/videos?uploadType=resumable&upload_id={id}";
        return Results.Ok();
    }

    private async Task<IResult> PutYouTubeAsync(HttpContext context, string upload_id)
    {
        var request = context.Request;
        if (!youTubeSessions.TryGetValue(upload_id, out var session))
        {
            return Results.NotFound();
        }

        var range = request.Headers.ContentRange.ToString();
        var body = await ReadAllAsync(request.Body);
        if (range.StartsWith("bytes */", StringComparison.Ordinal))
        {
            UploadRequests.Enqueue("PUT youtube status");
            return session.VideoId is { } done ? Results.Ok(new { id = done }) : ResumeIncomplete(context, session);
        }

        UploadRequests.Enqueue("PUT youtube chunk");
        var start = long.Parse(range["bytes ".Length..range.IndexOf('-')], CultureInfo.InvariantCulture);
        YouTubeChunks.Enqueue((start, body.Length));
        if (start != session.Received.Length)
        {
            return ResumeIncomplete(context, session);
        }

        if (YouTubeCutAfterBytes is { } cut)
        {
            YouTubeCutAfterBytes = null;
            session.Received.Write(body, 0, Math.Min(cut, body.Length));
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (ShouldFail())
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        session.Received.Write(body);
        if (session.Received.Length < session.Length)
        {
            return ResumeIncomplete(context, session);
        }

        session.VideoId = $"yt-{Interlocked.Increment(ref nextId)}";
        YouTubeVideos[session.VideoId] = new YouTubeVideo(session.Received.ToArray(), session.Metadata, session.Query, session.Authorization, session.ContentType);
        return Results.Created((string?)null, new { id = session.VideoId, kind = "youtube#video" });
    }

    private static IResult ResumeIncomplete(HttpContext context, YouTubeSession session)
    {
        if (session.Received.Length > 0)
        {
            context.Response.Headers["Range"] = $"bytes=0-{session.Received.Length - 1}";
        }

        return Results.StatusCode(308);
    }

    private async Task<IResult> FacebookAsync(string target, HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var phase = form["upload_phase"].ToString();
        UploadRequests.Enqueue($"POST facebook {phase}");
        var token = form["access_token"].ToString();
        if (token.Length == 0)
        {
            return Results.Json(new { error = new { message = "An access token is required." } }, statusCode: 400);
        }

        switch (phase)
        {
            case "start":
                var id = Interlocked.Increment(ref nextId);
                var session = new FacebookSession(target, token, long.Parse(form["file_size"].ToString(), CultureInfo.InvariantCulture), $"fb-video-{id}");
                facebookSessions[$"fb-session-{id}"] = session;
                return Results.Json(new { video_id = session.VideoId, upload_session_id = $"fb-session-{id}", start_offset = "0", end_offset = $"{session.Length}" });
            case "transfer":
                var transfer = facebookSessions[form["upload_session_id"].ToString()];
                if (ShouldFail())
                {
                    return Results.Json(new { error = new { message = "Temporary failure." } }, statusCode: 503);
                }

                var offset = long.Parse(form["start_offset"].ToString(), CultureInfo.InvariantCulture);
                if (offset == transfer.Received.Length)
                {
                    using var chunk = new MemoryStream();
                    await form.Files["video_file_chunk"]!.CopyToAsync(chunk);
                    transfer.Received.Write(chunk.ToArray());
                }

                return Results.Json(new { start_offset = $"{transfer.Received.Length}", end_offset = $"{transfer.Length}" });
            case "finish":
                var finished = facebookSessions[form["upload_session_id"].ToString()];
                var fields = form.Keys.Where(k => k is not ("access_token" or "upload_phase" or "upload_session_id")).ToDictionary(k => k, k => form[k].ToString());
                FacebookVideos[finished.VideoId] = new FacebookVideo(finished.Target, finished.Received.ToArray(), fields, finished.Token);
                return Results.Json(new { success = true });
            default:
                return Results.Json(new { error = new { message = "Unknown upload_phase." } }, statusCode: 400);
        }
    }

    private async Task<IResult> DropboxAsync(string endpoint, HttpRequest request)
    {
        UploadRequests.Enqueue($"POST dropbox {endpoint}");
        var argument = JsonNode.Parse(request.Headers["Dropbox-API-Arg"].ToString())!.AsObject();
        var body = await ReadAllAsync(request.Body);
        if (ShouldFail())
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        var authorization = request.Headers.Authorization.ToString();
        switch (endpoint)
        {
            case "upload":
                return Store((string)argument["path"]!, body, authorization);
            case "upload_session/start":
                var id = $"dbx-session-{Interlocked.Increment(ref nextId)}";
                dropboxSessions[id] = new MemoryStream();
                dropboxSessions[id].Write(body);
                return Results.Json(new { session_id = id });
            case "upload_session/append_v2" or "upload_session/finish":
                var cursor = argument["cursor"]!;
                var session = dropboxSessions[(string)cursor["session_id"]!];
                if ((long)cursor["offset"]! != session.Length)
                {
                    return Results.Json(new { error_summary = "lookup_failed/incorrect_offset/" }, statusCode: StatusCodes.Status409Conflict);
                }

                session.Write(body);
                return endpoint.EndsWith("finish", StringComparison.Ordinal)
                    ? Store((string)argument["commit"]!["path"]!, session.ToArray(), authorization)
                    : Results.Text("null", "application/json");
            default:
                return Results.NotFound();
        }
    }

    private IResult Store(string path, byte[] bytes, string authorization)
    {
        DropboxFiles[path] = (bytes, authorization);
        return Results.Json(new { id = $"id:{Interlocked.Increment(ref nextId)}", path_display = path, size = bytes.Length });
    }

    private static async Task<byte[]> ReadAllAsync(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private sealed record YouTubeSession(string Authorization, string Query, JsonObject Metadata, long Length, string ContentType)
    {
        public MemoryStream Received { get; } = new();

        public string? VideoId { get; set; }
    }

    private sealed record FacebookSession(string Target, string Token, long Length, string VideoId)
    {
        public MemoryStream Received { get; } = new();
    }
}

public sealed record ReceivedObject(byte[] Bytes, string Method, string? ContentType, string? FileField, IReadOnlyDictionary<string, string> Headers);

public sealed record YouTubeVideo(byte[] Bytes, JsonObject Metadata, string Query, string Authorization, string ContentType);

public sealed record FacebookVideo(string Target, byte[] Bytes, IReadOnlyDictionary<string, string> Fields, string AccessToken);
