using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Client;

public static class RenderClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OrleansRenderClient"/> as a typed <see cref="HttpClient"/> of <c>IHttpClientFactory</c>, with the
    /// standard resilience handler: retries of lost connections, 408, 429 and 5xx answers (GET, PUT, DELETE only),
    /// a circuit breaker, and <see cref="RenderClientOptions.RequestTimeout"/> per attempt. Options are validated at start-up.
    /// </summary>
    public static IHttpClientBuilder AddOrleansRenderClient(this IServiceCollection services, Action<RenderClientOptions> configure)
    {
        services.AddOptions<RenderClientOptions>().Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "RenderClientOptions.BaseAddress must be an absolute URI such as http://127.0.0.1:8080.")
            .Validate(o => o.RequestTimeout >= TimeSpan.FromSeconds(1) && o.RequestTimeout <= TimeSpan.FromHours(1), "RenderClientOptions.RequestTimeout must be between 1 s and 1 h.")
            .Validate(o => o.MaxRetries is >= 1 and <= 10, "RenderClientOptions.MaxRetries must be between 1 and 10.")
            .ValidateOnStart();
        var builder = services.AddHttpClient<OrleansRenderClient>((provider, http) =>
        {
            http.BaseAddress = provider.GetRequiredService<IOptions<RenderClientOptions>>().Value.BaseAddress;
            // The resilience handler times each attempt; HttpClient's own 100 s would cut a long blocking render.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
        {
            var options = provider.GetRequiredService<IOptions<RenderClientOptions>>().Value;
            resilience.AttemptTimeout.Timeout = options.RequestTimeout;
            resilience.TotalRequestTimeout.Timeout = options.RequestTimeout * (options.MaxRetries + 1);
            resilience.CircuitBreaker.SamplingDuration = options.RequestTimeout * 2;
            resilience.Retry.MaxRetryAttempts = options.MaxRetries;
            resilience.Retry.DisableForUnsafeHttpMethods();
        });
        return builder;
    }
}
