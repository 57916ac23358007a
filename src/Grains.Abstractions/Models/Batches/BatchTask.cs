using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Models.Batches;

/// <summary>
/// One task of a batch: exactly what a render request body makes (the request a token stands for, the output to render,
/// and its upload tasks). Running it creates a token and renders that output, or runs the uploads, as
/// <c>POST /v2/render</c> would.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.BatchTask")]
public sealed record BatchTask(
    [property: Id(0)] RenderRequest Request,
    [property: Id(1)] string Extension,
    [property: Id(2)] IReadOnlyList<UploadTask> Uploads)
{
    /// <summary>The movie the task's output is rendered from: the map's entry for its extension, else the fallback.</summary>
    public string Movie => Request.Movies.TryGetValue(Extension, out var movie) ? movie : Request.Movies.GetValueOrDefault("*", "");
}
