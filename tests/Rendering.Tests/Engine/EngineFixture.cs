using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>
/// A render engine with a scratch folder and a loopback media server (for media files the tests make with ffmpeg),
/// shared by the tests of a class.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public string Work { get; } = Directory.CreateTempSubdirectory("engine-fixture-").FullName;

    public ImageServer Media { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    /// <summary>Project assets, kept as files under the scratch folder (project <see cref="Project"/>).</summary>
    public FolderAssetSource Assets { get; private set; } = null!;

    public const string Project = "p1";

    public RenderEngine Engine => Services.GetRequiredService<RenderEngine>();

    public async Task InitializeAsync()
    {
        Media = await ImageServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Render:Engine:WorkDirectory"] = Path.Combine(Work, "scratch"),
            ["RemoteMedia:AllowedEndpoints:0"] = Media.Endpoint,
        }).Build();
        Assets = new FolderAssetSource(Path.Combine(Work, "assets"));
        Services = new ServiceCollection().AddLogging().AddRenderEngine(configuration)
            .AddSingleton<IAssetSource>(Assets).AddSingleton<IProjectFontCatalog>(Assets).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Media.DisposeAsync();
        Directory.Delete(Work, recursive: true);
    }

    public static Timeline Bind(string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var parsed = MovieParser.Parse(json);
        Assert.True(parsed.Movie is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path} {e.Message}")));
        return MovieBinder.Bind(parsed.Movie!, parameters ?? new Dictionary<string, string>());
    }

    /// <summary>Renders one frame as PNG and decodes it.</summary>
    public async Task<DecodedFrame> StillAsync(Timeline timeline, int frame)
    {
        var output = Path.Combine(Work, $"still-{Guid.NewGuid():N}.png");
        await Engine.RenderAsync(timeline, Project, new FrameRange(frame, frame + 1), new OutputSpec(OutputFormat.Png, frame), output, null, CancellationToken.None);
        return await MediaInspector.DecodeFrameAsync(output, 0, timeline.Width, timeline.Height);
    }

    public async Task<string> RenderAsync(Timeline timeline, OutputFormat format, FrameRange? range = null)
    {
        var output = Path.Combine(Work, $"movie-{Guid.NewGuid():N}.{format.Extension()}");
        await Engine.RenderAsync(timeline, Project, range ?? new FrameRange(0, timeline.TotalFrames), new OutputSpec(format), output, null, CancellationToken.None);
        return output;
    }
}
