using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Render.Storage;

public static class MediaStoreServiceCollectionExtensions
{
    /// <summary>Registers the <see cref="IMediaStore"/> named by <c>Media:Provider</c>.</summary>
    public static IServiceCollection AddMediaStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MediaStoreOptions>().Bind(configuration.GetSection(MediaStoreOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMediaStore, FileSystemMediaStore>();
        return services;
    }
}
