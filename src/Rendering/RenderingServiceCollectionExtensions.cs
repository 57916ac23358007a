using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Speech;
using Orleans.Render.Rendering.Text;
using Orleans.Render.Rendering.Validation;

namespace Orleans.Render.Rendering;

public static class RenderingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the render engine with its options bound from <c>Render:Engine</c>, <c>Render:Speech</c> and <c>RemoteMedia</c>. The host
    /// registers where project assets come from: <see cref="IAssetSource"/> and <see cref="IProjectFontCatalog"/>.
    /// </summary>
    public static IServiceCollection AddRenderEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RenderEngineOptions>().Bind(configuration.GetSection(RenderEngineOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RemoteMediaOptions>().Bind(configuration.GetSection("RemoteMedia"))
            .Validate(o => o.MaxBytes > 0 && o.MaxPixels > 0 && o.Timeout > TimeSpan.Zero && o.MaxRedirects >= 0,
                "RemoteMedia: MaxBytes, MaxPixels and Timeout must be positive and MaxRedirects not negative.")
            .ValidateOnStart();
        services.AddOptions<AssetOptions>().Bind(configuration.GetSection(AssetOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TextRasterizer>();
        services.AddSingleton(sp => new CpuWork(sp.GetRequiredService<IOptions<RenderEngineOptions>>().Value.PreparationWorkers));
        services.AddSingleton(sp => new RemoteMediaFetcher(sp.GetRequiredService<IOptions<RemoteMediaOptions>>().Value));
        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISpeechProvider>(sp =>
        {
            var speech = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            return speech.Provider == "http" ? new HttpSpeechProvider(speech) : new EspeakSpeechProvider(speech);
        });
        services.AddSingleton(sp =>
        {
            var speech = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            var directory = speech.CacheDirectory is { Length: > 0 } configured
                ? configured
                : Path.Combine(sp.GetRequiredService<IOptions<RenderEngineOptions>>().Value.WorkDirectory, "speech-cache");
            return new SpeechCache(sp.GetRequiredService<ISpeechProvider>(), speech, directory);
        });
        services.AddSingleton(sp => new MediaResolver(sp.GetRequiredService<RemoteMediaFetcher>(), sp.GetRequiredService<IAssetSource>(), sp.GetRequiredService<SpeechCache>()));
        services.AddSingleton(sp => new MediaPreparer(
            sp.GetRequiredService<TextRasterizer>(),
            sp.GetRequiredService<CpuWork>(),
            sp.GetRequiredService<MediaResolver>(),
            sp.GetRequiredService<IProjectFontCatalog>(),
            sp.GetRequiredService<IAssetSource>(),
            sp.GetRequiredService<IOptions<RemoteMediaOptions>>().Value));
        services.AddSingleton(sp => new MovieValidator(
            sp.GetRequiredService<TextRasterizer>(),
            sp.GetRequiredService<CpuWork>(),
            sp.GetRequiredService<RemoteMediaFetcher>(),
            sp.GetRequiredService<MediaPreparer>(),
            sp.GetRequiredService<IProjectFontCatalog>(),
            sp.GetRequiredService<MediaLengthProbe>()));
        services.AddSingleton(sp => new FfmpegRunner(
            sp.GetRequiredService<IOptions<RenderEngineOptions>>().Value.FfmpegPath,
            sp.GetRequiredService<IOptions<RenderEngineOptions>>().Value.ProcessSlots,
            sp.GetRequiredService<ILogger<FfmpegRunner>>()));
        services.TryAddSingleton(sp => new AssetInspector(sp.GetRequiredService<IOptions<AssetOptions>>().Value));
        services.AddSingleton<TimedMediaPreparer>();
        services.AddSingleton<LutPreparer>();
        services.AddSingleton<MediaLengthProbe>();
        services.AddSingleton<RenderEngine>();
        services.AddSingleton<SegmentAssembler>();
        return services;
    }
}
