using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Render.Conventions.Access;

/// <summary>
/// The secrets of management keys, render keys, URL signing and webhooks: 32 random bytes as URL-safe base64 (43 characters).
/// Key secrets are kept only as their SHA-256: with 256 random bits there is nothing to guess, so a slow password hash
/// would add cost to every request and no safety.
/// </summary>
public static class AccessSecrets
{
    /// <summary>The first letters of a management key's id and of a render key's id.</summary>
    public const string ManagementKeyPrefix = "MK", RenderKeyPrefix = "RK";

    private const string IdCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly SearchValues<char> IdCharacterValues = SearchValues.Create(IdCharacters);

    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A key's public id: <paramref name="prefix"/> and random upper-case letters and digits (20 characters in all).</summary>
    public static string NewId(string prefix) => prefix + RandomNumberGenerator.GetString(IdCharacters, 20 - prefix.Length);

    /// <summary>Whether <paramref name="value"/> could be an id <see cref="NewId"/> made with <paramref name="prefix"/>; nothing else is looked up.</summary>
    public static bool IsId(string? value, string prefix) =>
        value is { Length: 20 } && value.StartsWith(prefix, StringComparison.Ordinal) && value.AsSpan(prefix.Length).IndexOfAnyExcept(IdCharacterValues) < 0;

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="hash"/>, in time that does not depend on where they differ.</summary>
    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
