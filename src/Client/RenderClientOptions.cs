namespace Orleans.Render.Client;

/// <summary>Where the API is and how to call it; bound by <see cref="RenderClientServiceCollectionExtensions.AddOrleansRenderClient"/>.</summary>
public sealed class RenderClientOptions
{
    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The management key as <c>key:secret</c>, for the Project API (projects, movies, assets, validation); not sent on render calls.</summary>
    public string? ManagementKey { get; set; }

    /// <summary>A render key of a private project (<c>Authorization: Bearer</c> on render API calls); public projects need none.</summary>
    public string? RenderKey { get; set; }

    /// <summary>
    /// How long one attempt may take (1 s – 1 h). A blocking render answers only when its output is rendered, so this is minutes,
    /// not seconds; progress streams and downloads are bounded only by their cancellation token once the answer starts.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries (1–10) of a failed GET, PUT or DELETE (connection lost, 408, 429, 5xx), with backoff and <c>Retry-After</c> honoured. POSTs are never repeated: a repeated render would make a second token.</summary>
    public int MaxRetries { get; set; } = 3;
}
