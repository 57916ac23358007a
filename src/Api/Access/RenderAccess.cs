using System.Net.Http.Headers;
using Orleans.Render.Api.Http;
using Orleans.Render.Conventions.Access;

namespace Orleans.Render.Api.Access;

/// <summary>
/// The rule for every render call on a project: a public project lets anyone in, as impossible.io does (an
/// <c>Authorization</c> header is ignored); a private one needs <c>Authorization: Bearer</c> with one of its render keys
/// (401 <c>unauthorized</c> without or with a wrong one, 403 <c>forbidden</c> with another project's valid key), or a
/// URL signed with its signing secret (403 <c>signature_invalid</c> or <c>signature_expired</c>).
/// </summary>
public sealed class RenderAccess(AccessCache cache, TimeProvider time)
{
    /// <summary>Null when the request may go on; <paramref name="signedPath"/> is what a signature must cover.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http, string project, string signedPath)
    {
        var access = await cache.ProjectAsync(project);
        if (!access.Private)
        {
            return null;
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return await CheckKeyAsync(http, project, authorization);
        }

        var (check, expires) = UrlSignature.Verify(access.SigningSecret, signedPath, http.Request.QueryString.Value ?? "", time.GetUtcNow());
        switch (check)
        {
            case SignatureCheck.Valid:
                http.Features.Set(new SignedUrlGrant(access.SigningSecret!, expires));
                return null;
            case SignatureCheck.Expired:
                return ApiErrors.Error(StatusCodes.Status403Forbidden, "signature_expired", "The signed URL has expired; ask for a new one.");
            case SignatureCheck.Invalid:
                return ApiErrors.Error(StatusCodes.Status403Forbidden, "signature_invalid", "The URL's signature does not match it: it was changed, or signed with another secret.");
            default:
                return Unauthorized(http, "The project is private: send Authorization: Bearer with one of its render keys, or use a signed URL.");
        }
    }

    private async Task<IResult?> CheckKeyAsync(HttpContext http, string project, string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || !RenderKey.TryParse(header.Parameter, out var key))
        {
            return Unauthorized(http, "The project is private: Authorization must be Bearer with one of its render keys.");
        }

        var keys = (await cache.ProjectAsync(key.Project)).Keys;
        var valid = keys.FirstOrDefault(k => k.Id == key.Id) is { } known && AccessSecrets.Matches(key.Secret, known.SecretHash);
        if (!valid)
        {
            return Unauthorized(http, "The render key is not valid: it was revoked or rotated, or never existed.");
        }

        return key.Project == project
            ? null
            : ApiErrors.Error(StatusCodes.Status403Forbidden, "forbidden", "The render key belongs to another project.");
    }

    private static IResult Unauthorized(HttpContext http, string message)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer realm=\"Orleans.Render\"";
        return ApiErrors.Error(StatusCodes.Status401Unauthorized, "unauthorized", message);
    }
}
