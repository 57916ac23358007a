using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.OpenApi;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Http;
using Orleans.Render.Models.Access;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// A project's render access, for a management key that may manage it: privacy, render keys (the full key is answered
/// once, when made or rotated), the URL-signing secret, and signed URLs.
/// </summary>
public static class ProjectAccessEndpoints
{
    public static void MapProjectAccessEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy)
            .WithTags("Project access").ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapGet("/access/{project}", (string project, IClusterClient client) =>
            WithProjectAsync(client, project, async grain => Describe(project, await grain.GetAsync())))
            .WithSummary("Whether the project is private, and its render keys").Produces<ProjectAccessReport>();

        group.MapPut("/access/{project}", async (string project, HttpRequest request, IClusterClient client, AccessCache cache) =>
        {
            var (body, error) = await OptionalJsonBody.ReadAsync(request);
            if (error is not null)
            {
                return error;
            }

            if (body is not { } root || !root.TryGetProperty("private", out var flag) || flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return ApiErrors.BadRequest("invalid_private", "The body must be {\"private\": true} or {\"private\": false}.");
            }

            return await WithProjectAsync(client, project, async grain =>
            {
                var access = await grain.SetPrivateAsync(flag.GetBoolean());
                cache.ForgetProject(project);
                return Describe(project, access);
            });
        }).WithSummary("Make the project private or public").DocumentsBody<ProjectPrivacyBody>().Produces<ProjectAccessReport>().ProducesErrors(400);

        group.MapPost("/renderkey/{project}", async (string project, HttpRequest request, IClusterClient client) =>
        {
            var (body, error) = await OptionalJsonBody.ReadAsync(request);
            var (comment, commentError) = OptionalJsonBody.String(body, "comment", 200);
            return (error ?? commentError) ?? await WithProjectAsync(client, project, async grain =>
                Issued(project, await grain.CreateKeyAsync(comment), StatusCodes.Status201Created));
        }).WithSummary("Make a render key").DocumentsBody<KeyCommentBody>(optional: true).Produces<RenderKeyIssued>(StatusCodes.Status201Created).ProducesErrors(400);

        group.MapPost("/renderkey/{project}/{id}/rotate", (string project, string id, IClusterClient client, AccessCache cache) =>
            WithProjectAsync(client, project, async grain =>
            {
                var issued = await grain.RotateKeyAsync(id);
                cache.ForgetProject(project);
                return issued is null ? UnknownKey() : Issued(project, issued, StatusCodes.Status200OK);
            })).WithSummary("Give a render key a new secret").Produces<RenderKeyIssued>();

        group.MapDelete("/renderkey/{project}/{id}", (string project, string id, IClusterClient client, AccessCache cache) =>
            WithProjectAsync(client, project, async grain =>
            {
                var revoked = await grain.RevokeKeyAsync(id);
                cache.ForgetProject(project);
                return revoked ? Results.Json(new RenderKeyRevoked(id)) : UnknownKey();
            })).WithSummary("Revoke a render key").Produces<RenderKeyRevoked>();

        group.MapGet("/signingsecret/{project}", (string project, IClusterClient client) =>
            WithProjectAsync(client, project, async grain => Results.Json(new ProjectSecret(project, await grain.GetSigningSecretAsync()))))
            .WithSummary("The secret that signs the project's URLs").Produces<ProjectSecret>();

        group.MapPost("/signingsecret/{project}/rotate", (string project, IClusterClient client, AccessCache cache) =>
            WithProjectAsync(client, project, async grain =>
            {
                var secret = await grain.RotateSigningSecretAsync();
                cache.ForgetProject(project);
                return Results.Json(new ProjectSecret(project, secret));
            })).WithSummary("Replace the URL-signing secret; URLs signed before stop working").Produces<ProjectSecret>();

        group.MapPost("/sign/{project}", SignAsync)
            .WithSummary("Sign a render API path for use without a key").DocumentsBody<SignUrlBody>().Produces<SignedUrl>().ProducesErrors(400);
    }

    /// <summary>
    /// <c>{"path": "/v2/render/{token}.mp4", "expires": unix seconds}</c> (or <c>"ttl": seconds</c>, default
    /// <c>Access:SignedUrlTtl</c>) → <c>{"url", "path", "expires"}</c>. The path may carry a query (a direct render's
    /// params, a still's frame), which is signed with it.
    /// </summary>
    private static async Task<IResult> SignAsync(
        string project, HttpContext http, IClusterClient client, AccessCache cache, TimeProvider time, IOptions<AccessOptions> options, IOptions<RenderApiOptions> render)
    {
        var (body, error) = await OptionalJsonBody.ReadAsync(http.Request);
        var (path, pathError) = OptionalJsonBody.String(body, "path", 4000);
        if ((error ?? pathError) is { } refused)
        {
            return refused;
        }

        if (path is null || !(path.StartsWith("/v2/", StringComparison.Ordinal) || path.StartsWith("/v1/", StringComparison.Ordinal))
            || path.Contains('#', StringComparison.Ordinal) || path.Contains("signature=", StringComparison.Ordinal) || path.Contains("expires=", StringComparison.Ordinal))
        {
            return ApiErrors.BadRequest("invalid_path", "'path' must be a render API path such as /v2/render/{token}.mp4, with no expires or signature of its own.");
        }

        var now = time.GetUtcNow();
        var expires = now.Add(options.Value.SignedUrlTtl).ToUnixTimeSeconds();
        if (body is { } root && root.TryGetProperty("expires", out var at) && at.ValueKind != JsonValueKind.Null)
        {
            if (at.ValueKind != JsonValueKind.Number || !at.TryGetInt64(out expires))
            {
                return ApiErrors.BadRequest("invalid_expires", "'expires' must be a time in Unix seconds.");
            }
        }
        else if (body is { } withTtl && withTtl.TryGetProperty("ttl", out var ttl) && ttl.ValueKind != JsonValueKind.Null)
        {
            if (ttl.ValueKind != JsonValueKind.Number || !ttl.TryGetInt64(out var seconds) || seconds < 1)
            {
                return ApiErrors.BadRequest("invalid_ttl", "'ttl' must be a whole number of seconds, 1 or more.");
            }

            expires = now.ToUnixTimeSeconds() + Math.Min(seconds, (long)options.Value.MaxSignedUrlTtl.TotalSeconds);
        }

        if (expires <= now.ToUnixTimeSeconds() || expires > now.Add(options.Value.MaxSignedUrlTtl).ToUnixTimeSeconds())
        {
            return ApiErrors.BadRequest("invalid_expires", $"'expires' must be in the future and at most {options.Value.MaxSignedUrlTtl.TotalDays:0} days away.");
        }

        return await WithProjectAsync(client, project, async grain =>
        {
            var signed = UrlSignature.Sign(await grain.GetSigningSecretAsync(), path, expires);
            cache.ForgetProject(project);
            return Results.Json(new SignedUrl(RenderEndpoints.BaseUrl(http, render.Value) + signed, signed, expires));
        });
    }

    private static async Task<IResult> WithProjectAsync(IClusterClient client, string project, Func<IProjectAccessGrain, Task<IResult>> action) =>
        await ProjectEndpoints.FindProjectAsync(client, project) is null
            ? ProjectEndpoints.UnknownProject(project)
            : await action(client.GetGrain<IProjectAccessGrain>(project));

    private static IResult Describe(string project, ProjectAccess access) =>
        Results.Json(new ProjectAccessReport(project, access.Private, [.. access.Keys.Select(k => new RenderKeyReport(k.Id, k.Comment, k.CreatedAt))]));

    private static IResult Issued(string project, IssuedSecret issued, int status) =>
        Results.Json(new RenderKeyIssued(issued.Id, new RenderKey(project, issued.Id, issued.Secret).Value, project), statusCode: status);

    private static IResult UnknownKey() => ApiErrors.NotFound("unknown_key", "The project has no such render key.");
}
