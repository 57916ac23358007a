using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Everything the grains need besides Orleans' own providers: the engine, the media store and job options.</summary>
    public static IServiceCollection AddRenderGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRenderEngine(configuration);
        services.AddMediaStore(configuration);
        services.AddOptions<RenderJobOptions>().Bind(configuration.GetSection(RenderJobOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
