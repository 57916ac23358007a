using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// The playground (<c>src/Playground</c>, built by the scripts with Vite and copied next to the API's assembly) at
/// <c>/playground</c>, and a start page at <c>/</c> that links to it. Static files only: the page calls the API like any
/// client, with the management key the user types in.
/// </summary>
public static class PlaygroundEndpoints
{
    private const string Folder = "playground";

    // The page, its scripts and its styles come from here; media and stills from this API; hls.js runs its worker from
    // a blob and plays through blob: media URLs.
    private const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string StartPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Orleans.Render</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head>
        <body><h1>Orleans.Render</h1>
        <p>A self-hostable render backend compatible with the impossible.io render API.</p>
        <ul>
        <li><a href="/playground">Playground</a>: try a movie with your own params, render it and watch it</li>
        <li><a href="/docs">API reference</a> (<a href="/openapi/v1.json">OpenAPI document</a>)</li>
        <li><a href="/health">Health</a> of storage and silos</li>
        <li><a href="/v1/schema/movie.json">Movie JSON Schema</a></li>
        <li><a href="/dashboard/">Orleans Dashboard</a> (management key)</li>
        </ul></body></html>
        """;

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void MapPlaygroundEndpoints(this IEndpointRouteBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, Folder);
        var files = Directory.Exists(root) ? new PhysicalFileProvider(root) : null;

        app.MapGet("/", () => Results.Content(StartPage, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/playground", (HttpContext context) => Serve(files, "index.html", context)).ExcludeFromDescription();
        app.MapGet("/playground/{**file}", (string? file, HttpContext context) => Serve(files, string.IsNullOrEmpty(file) ? "index.html" : file, context))
            .ExcludeFromDescription();
    }

    private static IResult Serve(PhysicalFileProvider? files, string path, HttpContext context)
    {
        if (files is null)
        {
            return ApiErrors.NotFound("playground_not_built", "The playground was not built: ./run.sh builds it (npm run build:playground), then build the API.");
        }

        // The provider refuses paths that leave its folder ("..", absolute paths) by answering a file that does not exist.
        var file = files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
        {
            return ApiErrors.NotFound("not_found", "The playground has no such file.");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (path == "index.html")
        {
            headers.CacheControl = "no-cache";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }
        else if (path.StartsWith("assets/", StringComparison.Ordinal))
        {
            // Vite puts a hash of the content in every asset's name.
            headers.CacheControl = "public, max-age=31536000, immutable";
        }

        var contentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        return Results.File(file.PhysicalPath, contentType, enableRangeProcessing: false);
    }
}
