using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp.PixelFormats;

namespace Orleans.Render.TestSupport;

/// <summary>
/// A loopback HTTP server with the images the render tests use: <c>/logo.png</c> (solid magenta), <c>/garbage.png</c>
/// (not an image) and <c>/huge.png</c> (a real PNG whose header claims 20000x20000 pixels), plus any file a test adds
/// with <see cref="AddFile"/> under <c>/files/{name}</c> (video and audio the tests make with ffmpeg).
/// </summary>
public sealed class ImageServer : IAsyncDisposable
{
    public static readonly (int R, int G, int B) LogoColour = (255, 0, 255);

    private readonly WebApplication app;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> files;

    private ImageServer(WebApplication app, int port, System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> files)
    {
        this.app = app;
        this.files = files;
        Port = port;
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string Url(string path) => $"http://{Endpoint}/{path.TrimStart('/')}";

    public static async Task<ImageServer> StartAsync()
    {
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var logo = TestImages.SolidPng(64, 64, new Rgba32(255, 0, 255));
        var huge = TestImages.PngWithClaimedSize(20000, 20000);
        app.MapGet("/logo.png", () => Results.Bytes(logo, "image/png"));
        app.MapGet("/garbage.png", () => Results.Bytes("this is not an image"u8.ToArray(), "image/png"));
        app.MapGet("/huge.png", () => Results.Bytes(huge, "image/png"));
        var files = new System.Collections.Concurrent.ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        app.MapGet("/files/{name}", (string name) =>
            files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        await app.StartAsync();
        return new ImageServer(app, port, files);
    }

    /// <summary>Serves <paramref name="content"/> at <c>/files/{name}</c> and returns its URL.</summary>
    public string AddFile(string name, byte[] content)
    {
        files[name] = content;
        return Url($"files/{name}");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
