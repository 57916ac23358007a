using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Storage;

public static class MediaStoreServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="IMediaStore"/> named by <c>Media:Provider</c>, with its options validated at start-up.</summary>
    public static IServiceCollection AddMediaStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaStoreOptions>().Bind(configuration.GetSection(MediaStoreOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaStoreOptions>, MediaStoreOptionsValidator>());
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value.Provider switch
        {
            MediaStoreOptions.AzureBlob => ActivatorUtilities.CreateInstance<AzureBlobMediaStore>(sp),
            _ => ActivatorUtilities.CreateInstance<FileSystemMediaStore>(sp),
        });
        return services;
    }
}
