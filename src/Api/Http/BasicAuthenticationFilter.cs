using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Orleans.Render.Api.Http;

/// <summary>Management endpoints need HTTP Basic <c>key:secret</c> matching a configured key pair.</summary>
public sealed class BasicAuthenticationFilter(IOptions<ManagementOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IsAuthorized(http.Request.Headers.Authorization.ToString()))
        {
            return await next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans.Render\"";
        return ApiErrors.Error(StatusCodes.Status401Unauthorized, "unauthorized", "Management calls need HTTP Basic authentication with an API key and secret.");
    }

    private bool IsAuthorized(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var (key, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        var authorized = false;
        foreach (var pair in options.Value.Keys)
        {
            authorized |= FixedTimeEquals(pair.Key, key) & FixedTimeEquals(pair.Secret, secret);
        }

        return authorized;
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
