using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.OpenApi;
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
            .RequireCors(ApiCors.ManagementPolicy)
            .WithTags("Management keys").ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
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
            return Results.Json(new ManagementKeyIssued(issued.Id, issued.Secret, comment), statusCode: StatusCodes.Status201Created);
        }).WithSummary("Make a management key (admin keys only)").DocumentsBody<KeyCommentBody>(optional: true)
            .Produces<ManagementKeyIssued>(StatusCodes.Status201Created).ProducesErrors(400);

        group.MapGet("/list/key", async (IClusterClient client) =>
            Results.Json(new ManagementKeyList([.. (await keys(client).ListAsync()).Select(Describe)])))
            .WithSummary("List the management keys made through the API").Produces<ManagementKeyList>();

        group.MapPost("/key/{key}/rotate", async (string key, IClusterClient client, AccessCache cache) =>
        {
            var issued = await keys(client).RotateAsync(key);
            cache.ForgetManagementKey(key);
            return issued is null ? UnknownKey() : Results.Json(new ManagementKeyRotated(key, issued.Secret));
        }).WithSummary("Give a management key a new secret").Produces<ManagementKeyRotated>().ProducesErrors(404);

        group.MapDelete("/key/{key}", async (string key, IClusterClient client, AccessCache cache) =>
        {
            var revoked = await keys(client).RevokeAsync(key);
            cache.ForgetManagementKey(key);
            return revoked ? Results.Json(new ManagementKeyRevoked(key)) : UnknownKey();
        }).WithSummary("Revoke a management key").Produces<ManagementKeyRevoked>().ProducesErrors(404);
    }

    private static ManagementKeyReport Describe(ManagementKeyInfo key) => new(key.Key, key.Comment, key.CreatedAt, key.Revoked, key.Projects);

    private static IResult UnknownKey() => ApiErrors.NotFound("unknown_key", "There is no such management key, or it was revoked.");
}
