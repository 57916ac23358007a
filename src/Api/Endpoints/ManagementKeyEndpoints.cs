using Orleans.Render.Api.Access;
using Orleans.Render.Api.Http;
using Orleans.Render.Models.Access;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// Management keys made through the API, by admins only: each manages the projects it creates. The secret is
/// answered once, when the key is made or rotated; only its hash is kept.
/// </summary>
public static class ManagementKeyEndpoints
{
    public static void MapManagementKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().AddEndpointFilter<AdminOnlyFilter>()
            .RequireCors(ApiCors.ManagementPolicy);
        var keys = (IClusterClient client) => client.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key);

        group.MapPost("/key", async (HttpRequest request, IClusterClient client) =>
        {
            var (body, error) = await OptionalJsonBody.ReadAsync(request);
            var (comment, commentError) = OptionalJsonBody.String(body, "comment", 200);
            if ((error ?? commentError) is { } refused)
            {
                return refused;
            }

            var issued = await keys(client).CreateAsync(comment);
            return Results.Json(new { key = issued.Id, secret = issued.Secret, comment }, statusCode: StatusCodes.Status201Created);
        });

        group.MapGet("/list/key", async (IClusterClient client) =>
            Results.Json(new { keys = (await keys(client).ListAsync()).Select(Describe) }));

        group.MapPost("/key/{key}/rotate", async (string key, IClusterClient client, AccessCache cache) =>
        {
            var issued = await keys(client).RotateAsync(key);
            cache.ForgetManagementKey(key);
            return issued is null ? UnknownKey() : Results.Json(new { key, secret = issued.Secret });
        });

        group.MapDelete("/key/{key}", async (string key, IClusterClient client, AccessCache cache) =>
        {
            var revoked = await keys(client).RevokeAsync(key);
            cache.ForgetManagementKey(key);
            return revoked ? Results.Json(new { key, revoked = true }) : UnknownKey();
        });
    }

    private static object Describe(ManagementKeyInfo key) =>
        new { key = key.Key, comment = key.Comment, created = key.CreatedAt, revoked = key.Revoked, projects = key.Projects };

    private static IResult UnknownKey() => ApiErrors.NotFound("unknown_key", "There is no such management key, or it was revoked.");
}
