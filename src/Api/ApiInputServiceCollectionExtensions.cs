using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Conventions.Credentials;

namespace Orleans.Render.Api;

public static class ApiInputServiceCollectionExtensions
{
    /// <summary>
    /// The rules the API applies to a request before anything is rendered or queued: the param limits (<c>Limits</c>) and
    /// the address policy for upload destinations and callbacks, with the same allow-list the silos dial with
    /// (<c>RemoteMedia:AllowedEndpoints</c>).
    /// </summary>
    public static IServiceCollection AddApiInputLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InputLimitsOptions>().Bind(configuration.GetSection(InputLimitsOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServerCredentialsOptions>().Bind(configuration.GetSection(ServerCredentialsOptions.Section))
            .Validate(o => o.IsValid(needsSecrets: false), "Uploads:ServerCredentials: every grant names at least one project.")
            .ValidateOnStart();
        var allowed = configuration.GetSection("RemoteMedia:AllowedEndpoints").Get<string[]>() ?? [];
        return services.AddSingleton(new OutboundUrlPolicy(allowed));
    }
}
