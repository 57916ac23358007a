using System.Text.RegularExpressions;

namespace Orleans.Render.Storage;

/// <summary>Key rules every store enforces, so a key can never climb out of the store's root.</summary>
public static partial class MediaKeys
{
    public static string Validate(string key) =>
        KeyPattern().IsMatch(key) && !key.Split('/').Any(s => s is "" or "." or "..")
            ? key
            : throw new ArgumentException($"'{key}' is not a valid media key.", nameof(key));

    /// <summary>A prefix is a key, or a key followed by one '/' (everything below that folder).</summary>
    public static string ValidatePrefix(string prefix)
    {
        Validate(prefix.EndsWith('/') ? prefix[..^1] : prefix);
        return prefix;
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]{1,512}$")]
    private static partial Regex KeyPattern();
}
