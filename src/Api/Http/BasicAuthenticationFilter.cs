using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Endpoints;
using Orleans.Render.Conventions.Access;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Management endpoints need HTTP Basic <c>key:secret</c>: an admin key pair from configuration, or a key made through
/// the API (checked against its secret's hash). A route naming a <c>{project}</c> the key may not manage is 404
/// <c>unknown_project</c>, as if it did not exist. The caller is left in <see cref="ManagementCaller"/>.
/// </summary>
public sealed class BasicAuthenticationFilter(IOptions<ManagementOptions> options, AccessCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = await AuthenticateAsync(http.Request.Headers.Authorization.ToString());
        if (caller is null)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans.Render\"";
            return ApiErrors.Error(StatusCodes.Status401Unauthorized, "unauthorized", "Management calls need HTTP Basic authentication with an API key and secret.");
        }

        if (http.Request.RouteValues["project"] is string project && !caller.MayManage(project))
        {
            // The key may have made the project through another API process since its entry was cached.
            caller = await KeyCallerAsync(caller.Key, secret: null, fresh: true) ?? caller;
            if (!caller.MayManage(project))
            {
                return ProjectEndpoints.UnknownProject(project);
            }
        }

        http.Features.Set(caller);
        return await next(context);
    }

    private async Task<ManagementCaller?> AuthenticateAsync(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':');
        if (colon <= 0)
        {
            return null;
        }

        var (key, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        var admin = false;
        foreach (var pair in options.Value.Keys)
        {
            admin |= FixedTimeEquals(pair.Key, key) & FixedTimeEquals(pair.Secret, secret);
        }

        return admin ? new ManagementCaller(key, IsAdmin: true, []) : await KeyCallerAsync(key, secret, fresh: false);
    }

    /// <summary>A key made through the API, when it is live and (unless <paramref name="secret"/> is null: already checked) the secret is its own.</summary>
    private async Task<ManagementCaller?> KeyCallerAsync(string key, string? secret, bool fresh)
    {
        if (!AccessSecrets.IsId(key, AccessSecrets.ManagementKeyPrefix))
        {
            return null;
        }

        var info = await cache.ManagementKeyAsync(key, fresh);
        return info is { Revoked: false } && (secret is null || AccessSecrets.Matches(secret, info.SecretHash))
            ? new ManagementCaller(key, IsAdmin: false, info.Projects)
            : null;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
