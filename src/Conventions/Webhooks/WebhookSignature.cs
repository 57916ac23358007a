using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Render.Conventions.Webhooks;

/// <summary>
/// How a callback is signed: <c>X-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 under the project's webhook
/// secret of <c>{X-Timestamp}.{payload}</c>, where the payload is the JSON body of a POST callback and the request
/// target (path and query) of a GET one. The timestamp (Unix seconds) is signed so a receiver can refuse replays.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";
    private const string Prefix = "sha256=";

    public static string Compute(string secret, long timestamp, string payload)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}");
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver checks: the signature matches and the timestamp lies within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string timestampHeader, string payload, string signature, TimeSpan tolerance, DateTimeOffset now)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(Compute(secret, timestamp, payload)), Encoding.UTF8.GetBytes(signature));
    }
}
