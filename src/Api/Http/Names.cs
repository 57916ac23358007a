using System.Text.RegularExpressions;

namespace Orleans.Render.Api.Http;

/// <summary>What project names, movie names and tokens may look like; anything else never reaches a grain.</summary>
public static partial class Names
{
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static bool IsValidToken(string token) => TokenPattern().IsMatch(token);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{32}$")]
    private static partial Regex TokenPattern();
}
