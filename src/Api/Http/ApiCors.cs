using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Bound from the <c>Cors</c> configuration section: which browser origins may call the render API (impossible.io
/// documents browser use, so any by default) and the Project API (none by default: its key must not live in a page).
/// </summary>
public sealed class ApiCorsOptions
{
    public const string Section = "Cors";

    /// <summary>
    /// Origins such as <c>https://shop.example</c>, or <c>*</c> alone for any origin; unset means any. (Null rather
    /// than <c>["*"]</c>: the configuration binder adds configured entries to a list's initial ones.)
    /// </summary>
    public List<string>? RenderOrigins { get; set; }

    public IReadOnlyList<string> RenderOriginsOrAny => RenderOrigins is { Count: > 0 } origins ? origins : ["*"];

    /// <summary>Origins that may call the Project API; empty answers no browser.</summary>
    public List<string> ManagementOrigins { get; set; } = [];

    /// <summary>The first thing wrong with a list of origins (its setting named), or null.</summary>
    public static string? Problem(string setting, IReadOnlyList<string> origins)
    {
        if (origins.Contains("*"))
        {
            return origins.Count == 1 ? null : $"Cors:{setting} holds '*' and other origins; '*' must stand alone.";
        }

        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0
                || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                return $"Cors:{setting} entry '{origin}' is not an origin such as https://shop.example (scheme, host and optional port; no path).";
            }
        }

        return null;
    }
}

/// <summary>The two CORS policies, built from <see cref="ApiCorsOptions"/> once they are validated.</summary>
public static class ApiCors
{
    /// <summary>Render API: tokens, renders, progress, retrieval, v1 direct, batches.</summary>
    public const string RenderPolicy = "render";

    /// <summary>Project API and the dashboard.</summary>
    public const string ManagementPolicy = "management";

    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiCorsOptions>().Bind(configuration.GetSection(ApiCorsOptions.Section))
            .Validate(o => ApiCorsOptions.Problem(nameof(o.RenderOrigins), o.RenderOriginsOrAny) is null, "Cors:RenderOrigins must be '*' alone or origins such as https://shop.example.")
            .Validate(o => ApiCorsOptions.Problem(nameof(o.ManagementOrigins), o.ManagementOrigins) is null, "Cors:ManagementOrigins must be '*' alone or origins such as https://admin.example.")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiCorsOptions>>((cors, configured) =>
        {
            var origins = configured.Value;
            cors.AddPolicy(RenderPolicy, policy => Allow(policy, origins.RenderOriginsOrAny)
                .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Delete)
                .WithExposedHeaders("Content-Length", "Content-Range", "Accept-Ranges", "ETag", "Retry-After"));
            cors.AddPolicy(ManagementPolicy, policy => Allow(policy, origins.ManagementOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete));
        });
        return services;
    }

    private static CorsPolicyBuilder Allow(CorsPolicyBuilder policy, IReadOnlyList<string> origins) =>
        (origins is ["*"] ? policy.AllowAnyOrigin() : policy.WithOrigins([.. origins])).AllowAnyHeader().SetPreflightMaxAge(TimeSpan.FromHours(1));
}
