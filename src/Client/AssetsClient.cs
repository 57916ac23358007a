using System.Net.Http.Headers;

namespace Orleans.Render.Client;

/// <summary>A project's assets (<c>/v1/data</c>): images, fonts, colour LUTs, videos and audio that movies name instead of URLs.</summary>
public sealed class AssetsClient
{
    private readonly ApiTransport api;

    internal AssetsClient(ApiTransport api) => this.api = api;

    /// <summary>Uploads (or replaces) an asset; the API checks its content before storing it.</summary>
    public Task<AssetFacts> PutAsync(string project, string name, Stream content, string? contentType = null, CancellationToken cancellationToken = default)
    {
        var body = new StreamContent(content);
        if (contentType is not null)
        {
            body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return api.SendAsync<AssetFacts>(api.Request(HttpMethod.Put, AssetPath(project, name), management: true, body), cancellationToken);
    }

    /// <summary>Copies an asset's bytes into <paramref name="destination"/>.</summary>
    public async Task GetAsync(string project, string name, Stream destination, CancellationToken cancellationToken = default)
    {
        using var response = await api.SendAsync(
            api.Request(HttpMethod.Get, AssetPath(project, name), management: true), cancellationToken, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        await response.Content.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteAsync(string project, string name, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Delete, AssetPath(project, name), management: true), cancellationToken);

    public Task<AssetList> ListAsync(string project, CancellationToken cancellationToken = default) =>
        api.GetAsync<AssetList>($"/v1/list/data/{ApiTransport.Escape(project)}", cancellationToken, management: true);

    private static string AssetPath(string project, string name) => $"/v1/data/{ApiTransport.Escape(project)}/{ApiTransport.Escape(name)}";
}
