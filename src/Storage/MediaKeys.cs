using System.Text.RegularExpressions;

namespace Orleans.Render.Storage;

/// <summary>
/// The media store's keys: the layout (where assets, rendered units and staged uploads live) and the rule every store
/// enforces, so a key can never climb out of the store's root.
/// </summary>
public static partial class MediaKeys
{
    /// <summary>Every asset of a project (deleting a project deletes this prefix).</summary>
    public static string AssetPrefix(string project) => $"assets/{project}/";

    public static string Asset(string project, string name) => AssetPrefix(project) + name;

    /// <summary>A rendered unit (segment, piece, sound or whole output), named by its content address.</summary>
    public static string Unit(string unit, string extension) => $"segments/{unit}.{extension}";

    /// <summary>A new place for an asset upload on its way to a project, before the silo inspects it.</summary>
    public static string StagedAsset() => $"staging/assets/{Guid.NewGuid():N}";

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
