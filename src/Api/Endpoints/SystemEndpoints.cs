using Orleans.Render.Api.Http;
using Orleans.Runtime;

namespace Orleans.Render.Api.Endpoints;

/// <summary>Health and the movie JSON Schema.</summary>
public static class SystemEndpoints
{
    public static void MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IClusterClient client, CancellationToken cancellationToken) =>
        {
            try
            {
                var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                return hosts.Count > 0
                    ? Results.Json(new { status = "ok", silos = hosts.Count })
                    : ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "cluster_unavailable", "No silo is active.");
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                return ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, "cluster_unavailable", "No render silo is reachable right now.");
            }
        });

        app.MapGet("/v1/schema/movie.json", (IWebHostEnvironment environment) =>
            Results.File(Path.Combine(AppContext.BaseDirectory, "movie.schema.json"), "application/schema+json"));
    }
}
