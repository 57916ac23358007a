using Orleans.Render.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Media;

/// <summary>A loopback-only Kestrel server with one endpoint per fetcher scenario.</summary>
public sealed class MediaTestServer : IAsyncLifetime
{
    public const int LargeBodyBytes = 64 * 1024;

    private WebApplication? app;

    public byte[] Png { get; } = TestImages.SolidPng(32, 16, new Rgba32(0, 128, 255));

    /// <summary>"127.0.0.1:port", the form <c>AllowedEndpoints</c> expects.</summary>
    public string Endpoint { get; private set; } = "";

    public string Url(string path) => $"http://{Endpoint}{path}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();

        var garbage = new byte[512];
        new Random(7).NextBytes(garbage);
        var large = new byte[LargeBodyBytes];

        app.MapGet("/ok.png", () => Results.Bytes(Png, "image/png"));
        app.MapGet("/garbage", () => Results.Bytes(garbage, "image/png"));
        app.MapGet("/large-declared", () => Results.Bytes(large, "application/octet-stream"));
        app.MapGet("/large-chunked", async (HttpContext context) =>
        {
            // No Content-Length: the fetcher has to stop while streaming.
            for (var offset = 0; offset < large.Length; offset += 8 * 1024)
            {
                await context.Response.Body.WriteAsync(large.AsMemory(offset, 8 * 1024), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        app.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            return Results.Bytes(Png, "image/png");
        });
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/redirect-ok", () => Results.Redirect("/ok.png"));
        app.MapGet("/redirect-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/redirect-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
        app.MapGet("/headers", (HttpContext context) => Results.Text(
            $"{context.Request.Headers.UserAgent}|{context.Request.Headers.Cookie}|{context.Request.Headers.Authorization}"));

        await app.StartAsync();
        this.app = app;
        Endpoint = new Uri(app.Urls.Single()).Authority;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
