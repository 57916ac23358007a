using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Client;

/// <summary>
/// A typed client of the Orleans.Render HTTP API (docs/api.md). The render API is here; the Project API is under
/// <see cref="Projects"/> and <see cref="Assets"/>, batches under <see cref="Batches"/>. Register it with
/// <c>services.AddOrleansRenderClient(...)</c>, or build it over an <see cref="HttpClient"/> whose base address is the API.
/// Every call takes a <see cref="CancellationToken"/>; errors the API answers are <see cref="RenderApiException"/>s.
/// </summary>
public sealed class OrleansRenderClient
{
    private readonly ApiTransport api;

    public OrleansRenderClient(HttpClient http, IOptions<RenderClientOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        http.BaseAddress ??= options.Value.BaseAddress ?? throw new ArgumentException("Set RenderClientOptions.BaseAddress or the HttpClient's.", nameof(options));
        api = new ApiTransport(http, options.Value);
        Projects = new ProjectsClient(api);
        Assets = new AssetsClient(api);
        Batches = new BatchesClient(api);
    }

    /// <summary>Projects, movies (JSON or XML), their variables and validation.</summary>
    public ProjectsClient Projects { get; }

    /// <summary>A project's images, fonts, LUTs, videos and audio.</summary>
    public AssetsClient Assets { get; }

    public BatchesClient Batches { get; }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress => api.Http.BaseAddress!;

    /// <summary>
    /// <c>POST /v2/render/{project}</c>: renders and answers when the output is done, or at once when
    /// <see cref="RenderRequest.Async"/> is set (then follow <see cref="WatchProgressAsync"/>).
    /// </summary>
    public Task<RenderResponse> RenderAsync(string project, RenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return api.SendAsync<RenderResponse>(
            api.Request(HttpMethod.Post, $"/v2/render/{ApiTransport.Escape(project)}", content: ApiTransport.JsonBody(request.ToJson())), cancellationToken);
    }

    /// <summary><c>POST /v2/token/{project}</c>: a token and nothing rendered; the first download renders it.</summary>
    public Task<TokenResponse> CreateTokenAsync(string project, RenderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return api.SendAsync<TokenResponse>(
            api.Request(HttpMethod.Post, $"/v2/token/{ApiTransport.Escape(project)}", content: ApiTransport.JsonBody(request.ToJson())), cancellationToken);
    }

    /// <summary><c>GET /v2/progress/{token}</c>, once.</summary>
    public Task<RenderProgress> GetProgressAsync(string token, CancellationToken cancellationToken = default) =>
        api.GetAsync<RenderProgress>($"/v2/progress/{ApiTransport.Escape(token)}", cancellationToken);

    /// <summary>
    /// <c>GET /v2/progress/{token}/events</c>: each change of the token's progress as it happens, ending when the render
    /// and its uploads have ended (the last item's <see cref="RenderProgress.Status"/> says how) or the token is
    /// deleted or expires. A stream the server ends because the cluster is unreachable throws a <see cref="RenderApiException"/>.
    /// </summary>
    public async IAsyncEnumerable<RenderProgress> WatchProgressAsync(string token, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var response = await api.SendAsync(
            api.Request(HttpMethod.Get, $"/v2/progress/{ApiTransport.Escape(token)}/events"), cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var progress in ProgressEventReader.ReadAsync(token, stream, cancellationToken).ConfigureAwait(false))
            {
                yield return progress;
            }
        }
    }

    /// <summary><c>GET /v2/upload/{token}</c>: the token's upload tasks.</summary>
    public Task<UploadReport> GetUploadsAsync(string token, CancellationToken cancellationToken = default) =>
        api.GetAsync<UploadReport>($"/v2/upload/{ApiTransport.Escape(token)}", cancellationToken);

    /// <summary><c>DELETE /v2/token/{token}</c>: cancels its renders and uploads and forgets its outputs.</summary>
    public Task DeleteTokenAsync(string token, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Delete, $"/v2/token/{ApiTransport.Escape(token)}"), cancellationToken);

    /// <summary>The address of a token's output, e.g. <c>/v2/render/{token}.mp4</c>, or a still with <paramref name="frame"/>.</summary>
    public Uri OutputUri(string token, string extension, DeliveryMode mode = DeliveryMode.Render, int? frame = null)
    {
        var path = $"/v2/{mode.ToString().ToLowerInvariant()}/{ApiTransport.Escape(token)}.{ApiTransport.Escape(extension)}";
        return new Uri(BaseAddress, frame is { } f ? string.Create(CultureInfo.InvariantCulture, $"{path}?frame={f}") : path);
    }

    /// <summary>Copies a token's output into <paramref name="destination"/>, rendering it first if nobody has; answers its media type.</summary>
    public async Task<string?> DownloadAsync(
        string token, string extension, Stream destination, DeliveryMode mode = DeliveryMode.Render, int? frame = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var response = await api.SendAsync(
            api.Request(HttpMethod.Get, OutputUri(token, extension, mode, frame)), cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
        return response.Content.Headers.ContentType?.MediaType;
    }

    /// <summary><see cref="DownloadAsync(string, string, Stream, DeliveryMode, int?, CancellationToken)"/> into a file (replaced when the download succeeds).</summary>
    public async Task DownloadToFileAsync(string token, string extension, string path, int? frame = null, CancellationToken cancellationToken = default)
    {
        var partial = path + ".part";
        var file = File.Create(partial);
        await using (file.ConfigureAwait(false))
        {
            await DownloadAsync(token, extension, file, DeliveryMode.Render, frame, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary><c>GET /health</c>: whether the API can reach a silo.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        using var response = await api.Http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }
}

/// <summary>The retrieval modes: <c>render</c> (the stored file), <c>get</c> and <c>play</c> (progressive while it renders).</summary>
public enum DeliveryMode
{
    Render,
    Get,
    Play,
}
