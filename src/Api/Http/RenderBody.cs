using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Render.Api.Http.Uploads;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Addresses;

namespace Orleans.Render.Api.Http;

/// <summary>
/// The body of <c>POST /v2/render</c> and <c>POST /v2/token</c>, validated field by field so each mistake gets its own
/// error code and sentence.
/// </summary>
public sealed partial record RenderBody(
    IReadOnlyDictionary<string, string> Movies,
    IReadOnlyDictionary<string, string> Params,
    int Parallel,
    string RoutingKey,
    bool Async,
    string? Format,
    IReadOnlyList<UploadTask> Uploads,
    bool UploadIsList)
{
    public static (RenderBody? Body, IResult? Error) Parse(
        JsonElement root, int maxParallel, IReadOnlyCollection<string> pools, OutboundUrlPolicy addresses)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("invalid_request", "The body must be a JSON object.");
        }

        if (!root.TryGetProperty("movie", out var movie) || movie.ValueKind == JsonValueKind.Null)
        {
            return Fail("missing_movie", "'movie' is required: a movie name, or a map from extension to movie name with an optional \"*\" fallback.");
        }

        var movies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (movie.ValueKind == JsonValueKind.String)
        {
            movies["*"] = movie.GetString()!;
        }
        else if (movie.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in movie.EnumerateObject())
            {
                // A key for a format we do not render is kept: only a request for that extension is refused.
                var extension = entry.Name.ToLowerInvariant();
                if (extension != "*" && !MapKey().IsMatch(extension))
                {
                    return Fail("invalid_movie", $"The movie map key '{Short(entry.Name)}' is not an extension (letters and digits, such as mp4) or \"*\".");
                }

                if (entry.Value.ValueKind != JsonValueKind.String)
                {
                    return Fail("invalid_movie", $"The movie map entry '{Short(entry.Name)}' must be a movie name.");
                }

                movies[extension] = entry.Value.GetString()!;
            }

            if (movies.Count == 0)
            {
                return Fail("missing_movie", "The movie map is empty.");
            }

            if (!movies.Keys.Any(k => k == "*" || OutputFormats.IsOutputExtension(k)))
            {
                return Fail("invalid_movie", $"The movie map has no entry for a format we render ({string.Join(", ", OutputFormats.Extensions)}) and no \"*\" fallback.");
            }
        }
        else
        {
            return Fail("invalid_movie", "'movie' must be a movie name or a map from extension to movie name.");
        }

        if (movies.Values.FirstOrDefault(m => !Names.IsValidName(m)) is { } badName)
        {
            return Fail("invalid_movie", $"'{Short(badName)}' is not a movie name.");
        }

        var (parameters, paramsError) = ParseParams(root);
        if (paramsError is not null)
        {
            return (null, paramsError);
        }

        // impossible.io calls parallel a hint: any number is taken, clamped to 1 … maxParallel.
        var parallel = 1;
        if (root.TryGetProperty("parallel", out var parallelValue) && parallelValue.ValueKind != JsonValueKind.Null)
        {
            if (parallelValue.ValueKind != JsonValueKind.Number)
            {
                return Fail("invalid_parallel", $"'parallel' must be a number (1 to {maxParallel}; others are clamped).");
            }

            // A number too large for a double (1e999) is beyond either end.
            var hint = parallelValue.TryGetDouble(out var number) ? number : parallelValue.GetRawText().StartsWith('-') ? 1 : maxParallel;
            parallel = (int)Math.Clamp(Math.Floor(hint), 1, maxParallel);
        }

        var routingKey = ClusterDefaults.Pool;
        foreach (var name in (string[])["routingkey", "routingKey"])
        {
            if (root.TryGetProperty(name, out var key) && key.ValueKind != JsonValueKind.Null)
            {
                if (key.ValueKind != JsonValueKind.String)
                {
                    return Fail("invalid_routing_key", $"'{name}' must be a string.");
                }

                routingKey = key.GetString()!;
            }
        }

        if (!pools.Contains(routingKey))
        {
            return Fail("unknown_routing_key", $"There is no render pool for the routing key '{Short(routingKey)}'.");
        }

        var isAsync = false;
        if (root.TryGetProperty("async", out var asyncValue) && asyncValue.ValueKind != JsonValueKind.Null)
        {
            if (asyncValue.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Fail("invalid_async", "'async' must be true or false.");
            }

            isAsync = asyncValue.GetBoolean();
        }

        string? format = null;
        if (root.TryGetProperty("format", out var formatValue) && formatValue.ValueKind != JsonValueKind.Null)
        {
            format = formatValue.ValueKind == JsonValueKind.String ? formatValue.GetString()!.ToLowerInvariant() : "";
            if (!OutputFormats.IsOutputExtension(format))
            {
                return Fail("unsupported_extension", $"'format' must be one of {string.Join(", ", OutputFormats.Extensions)}.");
            }
        }

        IReadOnlyList<UploadTask> uploads = [];
        var uploadIsList = false;
        if (root.TryGetProperty("upload", out var upload) && upload.ValueKind != JsonValueKind.Null)
        {
            var (tasks, uploadError) = UploadTasks.Parse(upload, movies, isAsync, addresses);
            if (uploadError is not null)
            {
                return (null, uploadError.ToResult());
            }

            (uploads, uploadIsList) = (tasks!, upload.ValueKind == JsonValueKind.Array);
        }

        return (new RenderBody(movies, parameters, parallel, routingKey, isAsync, format, uploads, uploadIsList), null);
    }

    /// <summary>The body's <c>params</c>: strings, numbers (their JSON text) and booleans (<c>true</c>/<c>false</c>).</summary>
    public static (Dictionary<string, string> Params, IResult? Error) ParseParams(JsonElement root)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("params", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                return (parameters, ApiErrors.BadRequest("invalid_params", "'params' must be an object mapping variable names to values."));
            }

            foreach (var param in given.EnumerateObject())
            {
                string? value = param.Value.ValueKind switch
                {
                    JsonValueKind.String => param.Value.GetString(),
                    JsonValueKind.Number => param.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (value is null)
                {
                    return (parameters, ApiErrors.BadRequest("invalid_params", $"The param '{Short(param.Name)}' must be a string, number or boolean."));
                }

                parameters[param.Name] = value;
            }
        }

        return (parameters, null);
    }

    /// <summary>The extension to render when the request does not name one: <c>format</c>, else mp4, else the map's first format we render.</summary>
    public string DefaultExtension() =>
        Format ?? (Movies.ContainsKey("mp4") || Movies.ContainsKey("*") ? "mp4" : Movies.Keys.First(OutputFormats.IsOutputExtension));

    private static (RenderBody?, IResult?) Fail(string error, string message) => (null, ApiErrors.BadRequest(error, message));

    [GeneratedRegex("^[a-z0-9]{1,16}$")]
    private static partial Regex MapKey();

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
