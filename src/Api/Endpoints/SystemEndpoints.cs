using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Runtime;

namespace Orleans.Render.Api.Endpoints;

/// <summary>Health and the movie JSON Schema.</summary>
public static class SystemEndpoints
{
    public static void MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", HealthAsync).WithTags("System")
            .WithSummary("Whether storage and silos answer").Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/v1/schema/movie.json", (IWebHostEnvironment environment) =>
            Results.File(Path.Combine(AppContext.BaseDirectory, "movie.schema.json"), "application/schema+json"))
            .WithTags("System").WithSummary("The JSON Schema of the movie format").ProducesFile(["application/schema+json"]);
    }

    /// <summary>
    /// Storage and silos are asked side by side and reported apart, so an operator sees which one is down. Without
    /// storage nothing new can be stored even while silos answer ("degraded"); without a silo nothing runs ("unavailable").
    /// </summary>
    private static async Task<IResult> HealthAsync(IClusterClient client, StorageProbe storageProbe, CancellationToken cancellationToken)
    {
        var storageCheck = storageProbe.CheckAsync(cancellationToken);
        var (active, silosError) = await CountSilosAsync(client, cancellationToken);
        var storageError = await storageCheck;
        var storage = storageError is null ? new ComponentHealth("ok") : new ComponentHealth("unavailable", Message: storageError);
        // Silos are counted in the membership table, which is in storage: without storage they cannot be blamed.
        var silos = silosError is null ? new ComponentHealth("ok", active)
            : storageError is not null ? new ComponentHealth("unknown", Message: "Silos are counted in the membership table, which is in the storage that is down.")
            : new ComponentHealth("unavailable", active, silosError);
        if (storageError is null && silosError is null)
        {
            return Results.Json(new HealthReport(null, null, "ok", storage, silos));
        }

        var (error, message) = storageError is not null
            ? ("storage_unavailable", $"Azure Storage is down, so nothing can be stored or found: {storageError}")
            : ("cluster_unavailable", silosError!);
        return Results.Json(
            new HealthReport(error, message, silosError is null ? "degraded" : "unavailable", storage, silos),
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<(int Active, string? Error)> CountSilosAsync(IClusterClient client, CancellationToken cancellationToken)
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0 ? (hosts.Count, null) : (0, "No silo is active.");
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return (0, "No render silo is reachable right now.");
        }
    }
}
