using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Render.Conventions.Access;

namespace Orleans.Render.Api.Access;

/// <summary>What checking a URL's signature found.</summary>
public enum SignatureCheck
{
    Missing,
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Signed URLs: <c>{path}?{query}&amp;expires={unix seconds}&amp;signature={s}</c> where <c>s</c> is the URL-safe
/// base64 (no padding) of HMAC-SHA256, keyed with the project's signing secret (its UTF-8 bytes), over the URL without
/// its <c>signature</c> parameter: the path, <c>?</c>, and the rest of the query as sent. Every other parameter (a
/// still's <c>frame</c>, a direct render's params) is signed too, so none can be changed.
/// </summary>
public static class UrlSignature
{
    public const string Expires = "expires";
    public const string Signature = "signature";

    /// <summary><paramref name="pathAndQuery"/> with <c>expires</c> and its <c>signature</c> appended.</summary>
    public static string Sign(string secret, string pathAndQuery, long expires)
    {
        var unsigned = string.Create(CultureInfo.InvariantCulture, $"{pathAndQuery}{(pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{Expires}={expires}");
        return $"{unsigned}&{Signature}={Compute(secret, unsigned)}";
    }

    /// <summary>
    /// Checks the signature of a request for <paramref name="path"/> with the raw <paramref name="query"/> (with or
    /// without its leading <c>?</c>); the expiry is only trusted once the signature holds.
    /// </summary>
    public static (SignatureCheck Check, long Expires) Verify(string? secret, string path, string query, DateTimeOffset now)
    {
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries);
        var signatures = parts.Where(p => p.StartsWith(Signature + "=", StringComparison.Ordinal)).ToList();
        if (signatures.Count == 0)
        {
            return (SignatureCheck.Missing, 0);
        }

        var rest = parts.Where(p => !p.StartsWith(Signature + "=", StringComparison.Ordinal)).ToList();
        var expiries = rest.Where(p => p.StartsWith(Expires + "=", StringComparison.Ordinal)).ToList();
        if (secret is null || signatures.Count != 1 || expiries.Count != 1
            || !long.TryParse(expiries[0].AsSpan(Expires.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (SignatureCheck.Invalid, 0);
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, $"{path}?{string.Join('&', rest)}"));
        var given = Encoding.ASCII.GetBytes(signatures[0][(Signature.Length + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return (SignatureCheck.Invalid, 0);
        }

        return (expires > now.ToUnixTimeSeconds() ? SignatureCheck.Valid : SignatureCheck.Expired, expires);
    }

    private static string Compute(string secret, string unsigned) =>
        AccessSecrets.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(unsigned)));
}
