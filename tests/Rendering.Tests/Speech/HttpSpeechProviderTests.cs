using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Tests.Engine;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Speech;

/// <summary>
/// The hosted-voice provider against a loopback voice service that answers every request with a 1.5 s 440 Hz tone:
/// what it is sent, that its audio is the layer's sound and length, and that the same speech is asked for once.
/// </summary>
public sealed class HttpSpeechProviderTests : IAsyncLifetime
{
    private readonly string work = Directory.CreateTempSubdirectory("speech-http-").FullName;
    private readonly ConcurrentQueue<(string Path, string? Authorization, JsonElement Body)> requests = new();
    private WebApplication server = null!;
    private ServiceProvider services = null!;
    private byte[] tone = [];

    public async Task InitializeAsync()
    {
        tone = await TestMedia.ToneAsync(440, 1.5);
        var port = Ports.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        server = builder.Build();
        server.MapPost("/voice", async (HttpContext context) =>
        {
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
            requests.Enqueue((context.Request.Path, context.Request.Headers.Authorization.ToString(), body));
            return Results.Bytes(tone, "audio/wav");
        });
        await server.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Render:Engine:WorkDirectory"] = Path.Combine(work, "scratch"),
            ["Render:Speech:Provider"] = "http",
            ["Render:Speech:HttpUrl"] = $"http://127.0.0.1:{port}/voice",
            ["Render:Speech:HttpAuthorization"] = "Bearer voice-key",
        }).Build();
        var assets = new FolderAssetSource(Path.Combine(work, "assets"));
        services = new ServiceCollection().AddLogging().AddRenderEngine(configuration)
            .AddSingleton<IAssetSource>(assets).AddSingleton<IProjectFontCatalog>(assets).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    private async Task<string> RenderAsync(string speech)
    {
        var movie = MovieParser.Parse($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": "auto", "layers": [
              {"type": "audio", "speech": {{JsonSerializer.Serialize(speech)}}, "voice": "Joanna"}]}]}
            """).Movie!;
        var parameters = new Dictionary<string, string>();
        var lengths = await services.GetRequiredService<MediaLengthProbe>().ReadAsync(movie, parameters, "p1", work, CancellationToken.None);
        var timeline = MovieBinder.Bind(movie, parameters, lengths);
        Assert.Equal(38, timeline.TotalFrames);
        var output = Path.Combine(work, $"movie-{Guid.NewGuid():N}.mp4");
        await services.GetRequiredService<RenderEngine>().RenderAsync(
            timeline, "p1", new FrameRange(0, timeline.TotalFrames), new OutputSpec(OutputFormat.Mp4), output, null, CancellationToken.None);
        return output;
    }

    [Fact]
    public async Task The_service_is_posted_the_text_voice_and_kind_with_its_key_and_its_audio_is_the_layers_sound()
    {
        var movie = await RenderAsync("<speak>Hello <emphasis>there</emphasis></speak>");

        var (path, authorization, body) = Assert.Single(requests);
        Assert.Equal(("/voice", "Bearer voice-key"), (path, authorization));
        Assert.Equal("<speak>Hello <emphasis>there</emphasis></speak>", body.GetProperty("text").GetString());
        Assert.Equal(("Joanna", true), (body.GetProperty("voice").GetString(), body.GetProperty("ssml").GetBoolean()));
        var samples = await TestMedia.DecodeSoundAsync(movie);
        Assert.InRange(TestMedia.Amplitude(samples, 440, 24000, 24000), 0.1, 0.15);
        Assert.True(SpeechRenderTests.Rms(samples, 0, 70000) > 0.06);
    }

    [Fact]
    public async Task The_same_speech_is_asked_for_once_across_renders_and_new_text_is_asked_for_again()
    {
        await RenderAsync("Cached once");
        await RenderAsync("Cached once");
        Assert.Single(requests);

        await RenderAsync("Something new");
        Assert.Equal(2, requests.Count);
    }
}
