using System.Net;
using System.Net.Http.Headers;
using Orleans.Render.Conventions.Addresses;

namespace Orleans.Render.Rendering.Media;

/// <summary>
/// Downloads caller-supplied media URLs with SSRF protection and size/time bounds. Thread-safe; register as a singleton.
/// </summary>
public sealed class RemoteMediaFetcher : IDisposable
{
    private const int BufferSize = 81920;

    private readonly RemoteMediaOptions options;
    private readonly OutboundUrlPolicy policy;
    private readonly HttpClient client;

    public RemoteMediaFetcher(RemoteMediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        policy = new OutboundUrlPolicy(options.AllowedEndpoints);

        var handler = new SocketsHttpHandler
        {
            // Redirects are followed by hand so each hop gets the scheme and downgrade checks.
            AllowAutoRedirect = false,
            // A proxy would make the connect-time address check inspect the proxy instead of the target.
            UseProxy = false,
            UseCookies = false,
            Credentials = null,
            PreAuthenticate = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = new PublicEndpointConnector(policy).ConnectAsync,
        };
        client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Orleans.Render", null));
    }

    public static Uri ParseUrl(string url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            throw new RenderInputException("url_refused", "Media URLs must be absolute http or https URLs with a host.");
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new RenderInputException("url_refused", "Media URLs must not carry credentials.");
        }

        return uri;
    }

    public Task<byte[]> FetchAsync(string url, CancellationToken cancellationToken) => FetchAsync(url, readBody: true, cancellationToken);

    /// <summary>
    /// Checks, without reading the body, that <paramref name="url"/> would be fetched: allowed addresses, a success
    /// answer within the redirect and time limits, and no declared size above the limit. Throws like <see cref="FetchAsync(string, CancellationToken)"/>.
    /// </summary>
    public Task CheckAsync(string url, CancellationToken cancellationToken) => FetchAsync(url, readBody: false, cancellationToken);

    private async Task<byte[]> FetchAsync(string url, bool readBody, CancellationToken cancellationToken)
    {
        var uri = ParseUrl(url);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await FetchCoreAsync(uri, readBody, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new RenderInputException(
                "fetch_failed", $"Fetching media from '{uri.Host}' timed out after {options.Timeout.TotalSeconds:0.#} s.");
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<byte[]> FetchCoreAsync(Uri uri, bool readBody, CancellationToken cancellationToken)
    {
        for (var redirects = 0; ; redirects++)
        {
            // Refused before any connection, so a literal private address never reaches the network (the connector checks again).
            if (policy.Refusal(uri) is { } refusal)
            {
                throw new RenderInputException("url_refused", $"The media URL on '{uri.Host}' {refusal}.");
            }

            using var response = await SendAsync(uri, cancellationToken);
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= options.MaxRedirects)
                {
                    throw new RenderInputException("fetch_failed", $"Media URL on '{uri.Host}' redirected more than {options.MaxRedirects} times.");
                }

                uri = NextHop(uri, response.Headers.Location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new RenderInputException("fetch_failed", $"Media host '{uri.Host}' answered HTTP {(int)response.StatusCode}.");
            }

            if (!readBody)
            {
                return response.Content.Headers.ContentLength > options.MaxBytes ? throw TooLarge(uri) : [];
            }

            return await ReadBoundedAsync(uri, response.Content, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex) when (FindInputError(ex) is { } inputError)
        {
            throw inputError;
        }
        catch (HttpRequestException ex)
        {
            throw new RenderInputException("fetch_failed", $"Could not fetch media from '{uri.Host}'.", ex);
        }
    }

    private static RenderInputException? FindInputError(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is RenderInputException inputError)
            {
                return inputError;
            }
        }

        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri NextHop(Uri current, Uri? location)
    {
        if (location is null)
        {
            throw new RenderInputException("fetch_failed", $"Media host '{current.Host}' sent a redirect without a location.");
        }

        var next = ParseUrl(new Uri(current, location).AbsoluteUri);
        if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
        {
            throw new RenderInputException("url_refused", $"Media host '{current.Host}' redirected from https to http.");
        }

        return next;
    }

    private async Task<byte[]> ReadBoundedAsync(Uri uri, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > options.MaxBytes)
        {
            throw TooLarge(uri);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes)
            {
                throw TooLarge(uri);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private RenderInputException TooLarge(Uri uri) =>
        new("image_too_large", $"Media from '{uri.Host}' is larger than {options.MaxBytes} bytes.");
}
