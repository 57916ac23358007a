using System.Text.RegularExpressions;

namespace Orleans.Render.Conventions;

/// <summary>What project names, movie names, asset names and tokens may look like; anything else never reaches a grain.</summary>
public static partial class Names
{
    public const int MaxLength = 100;

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public static bool IsValidToken(string? token) => token is not null && TokenPattern().IsMatch(token);

    /// <summary>Asset names: like other names but starting with a letter or digit and without "..", so a name is one safe media-key segment.</summary>
    public static bool IsValidAssetName(string? name) =>
        name is not null && AssetNamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex AssetNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{32}$")]
    private static partial Regex TokenPattern();
}
