using System.Text.RegularExpressions;

namespace Orleans.Render.Rendering.Media;

/// <summary>
/// What a project asset may be called: 1–100 letters, digits, '_', '-' or '.', starting with a letter or digit and never
/// containing "..", so a name is always one safe path segment of a media key.
/// </summary>
public static partial class AssetNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) => name is not null && NamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex NamePattern();
}
