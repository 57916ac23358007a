using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains;

public static class GrainServiceCollectionExtensions
{
    /// <summary>Everything the grains need besides Orleans' own providers: the engine and the media store.</summary>
    public static IServiceCollection AddRenderGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRenderEngine(configuration);
        services.AddMediaStore(configuration);
        return services;
    }
}
