using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Orleans.Render.Api.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Private projects, render keys, signed URLs and scoped management keys (<c>Access</c>).</summary>
    public static IServiceCollection AddProjectAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessCache>();
        services.AddSingleton<RenderAccess>();
        services.AddSingleton<AdminOnlyFilter>();
        return services;
    }
}
