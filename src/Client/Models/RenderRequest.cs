using System.Text.Json.Nodes;

namespace Orleans.Render.Client;

/// <summary>
/// The body of <c>POST /v2/render</c>, <c>/v2/token</c> and a batch task: a movie (or a map from extension to movie)
/// and its params, with the options of docs/api.md.
/// </summary>
public sealed record RenderRequest
{
    public RenderRequest(string movie, IReadOnlyDictionary<string, string>? parameters = null)
    {
        Movie = movie;
        Params = parameters ?? new Dictionary<string, string>();
    }

    /// <summary>The movie's name; ignored when <see cref="MovieByExtension"/> is set.</summary>
    public string Movie { get; init; }

    /// <summary>A movie per extension (<c>{"mp4": "promo", "*": "fallback"}</c>), instead of one movie.</summary>
    public IReadOnlyDictionary<string, string>? MovieByExtension { get; init; }

    public IReadOnlyDictionary<string, string> Params { get; init; }

    /// <summary>The extension rendered and named in the answer's <c>url</c> (mp4 by default).</summary>
    public string? Format { get; init; }

    /// <summary>A hint: how many segments an mp4 or webm is split into.</summary>
    public int? Parallel { get; init; }

    /// <summary>The render pool (<c>routingkey</c>).</summary>
    public string? RoutingKey { get; init; }

    /// <summary>Answer at once (202) instead of when the render is done.</summary>
    public bool Async { get; init; }

    /// <summary>Upload tasks as docs/uploads.md describes them (destinations differ too much for one type).</summary>
    public IReadOnlyList<JsonObject>? Uploads { get; init; }

    internal JsonObject ToJson()
    {
        var body = new JsonObject
        {
            ["movie"] = MovieByExtension is { } map ? new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) : Movie,
            ["params"] = new JsonObject(Params.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        };
        if (Format is not null)
        {
            body["format"] = Format;
        }

        if (Parallel is { } parallel)
        {
            body["parallel"] = parallel;
        }

        if (RoutingKey is not null)
        {
            body["routingkey"] = RoutingKey;
        }

        if (Async)
        {
            body["async"] = true;
        }

        if (Uploads is { Count: > 0 } uploads)
        {
            body["upload"] = new JsonArray([.. uploads.Select(u => u.DeepClone())]);
        }

        return body;
    }
}
