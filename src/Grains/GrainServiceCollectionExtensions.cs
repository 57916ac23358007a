using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Grains.Batches;
using Orleans.Render.Grains.Tokens;
using Orleans.Render.Grains.Uploads;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Everything the grains need besides Orleans' own providers: the engine, the media store, project assets, job, token ledger, queue, streaming and segment-store options, the upload destinations and the batch runner.</summary>
    public static IServiceCollection AddRenderGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRenderEngine(configuration);
        services.AddMediaStore(configuration);
        services.AddSingleton<ProjectAssetSource>();
        services.AddSingleton<IAssetSource>(sp => sp.GetRequiredService<ProjectAssetSource>());
        services.AddSingleton<IProjectFontCatalog>(sp => sp.GetRequiredService<ProjectAssetSource>());
        services.AddOptions<AssetOptions>().Bind(configuration.GetSection(AssetOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new AssetInspector(sp.GetRequiredService<IOptions<AssetOptions>>().Value));
        services.AddOptions<RenderJobOptions>().Bind(configuration.GetSection(RenderJobOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TokenLedgerOptions>().Bind(configuration.GetSection(TokenLedgerOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RenderQueueOptions>().Bind(configuration.GetSection(RenderQueueOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SegmentStoreOptions>().Bind(configuration.GetSection(SegmentStoreOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StreamingOptions>().Bind(configuration.GetSection(StreamingOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RenderUnits>();
        services.AddSingleton<OutputRenderer>();
        services.AddOptions<ServerCredentialsOptions>().Bind(configuration.GetSection(ServerCredentialsOptions.Section))
            .Validate(o => o.IsValid(needsSecrets: true), "Uploads:ServerCredentials: every grant names at least one project, and every Azure account its ConnectionString.")
            .ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.InitialBackoff <= o.MaxBackoff, "Uploads:InitialBackoff must not be larger than Uploads:MaxBackoff.")
            .ValidateOnStart();
        services.AddSingleton<UploadHttp>();
        services.AddSingleton<UploadCallbacks>();
        services.AddSingleton<IUploader, S3Uploader>();
        services.AddSingleton<IUploader, AzureBlobUploader>();
        services.AddSingleton<IUploader, HttpUploader>();
        services.AddSingleton<IUploader, YouTubeUploader>();
        services.AddSingleton<IUploader, FacebookUploader>();
        services.AddSingleton<IUploader, DropboxUploader>();
        services.AddSingleton<Uploaders>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, UploadersCheck>();
        services.AddSingleton<UploadSender>();
        services.AddOptions<BatchOptions>().Bind(configuration.GetSection(BatchOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.DefaultWindow <= o.MaxWindow, "Render:Batches:DefaultWindow must not be larger than Render:Batches:MaxWindow.")
            .ValidateOnStart();
        services.AddSingleton<BatchTaskRunner>();
        return services;
    }
}
