using System.Security.Cryptography;
using System.Text;

namespace Orleans.Render.Grains.Batches;

/// <summary>
/// A task's token is derived from the batch's secret and the task's index: as unguessable as a token a render request
/// gets (192 bits, the same 32-character shape), known before the task starts, and the same when a batch that lost
/// its silo starts the task again, so the task finds its token instead of making a second one.
/// </summary>
internal static class BatchTokens
{
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Of(string secret, int index)
    {
        var hash = HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.ASCII.GetBytes(index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Convert.ToBase64String(hash.AsSpan(0, 24)).Replace('+', '-').Replace('/', '_');
    }
}
