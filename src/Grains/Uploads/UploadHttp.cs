using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Rendering.Media;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// The one HTTP client every destination, SDK and callback goes through: it dials only public addresses (or the
/// <c>RemoteMedia:AllowedEndpoints</c> allow-list), like remote media, follows no redirects and uses no proxy.
/// </summary>
public sealed class UploadHttp : IDisposable
{
    private readonly SocketsHttpHandler handler;

    public UploadHttp(IOptions<RemoteMediaOptions> remoteMedia)
    {
        handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = new PublicEndpointConnector(new OutboundUrlPolicy(remoteMedia.Value.AllowedEndpoints)).ConnectAsync,
        };
        Client = NewClient();
    }

    public HttpClient Client { get; }

    /// <summary>A client over the same guarded handler, for SDKs that own and dispose their client.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Orleans.Render", null));
        return client;
    }

    public void Dispose()
    {
        Client.Dispose();
        handler.Dispose();
    }
}
