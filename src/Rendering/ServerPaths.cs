using System.Text.RegularExpressions;

namespace Orleans.Render.Rendering;

/// <summary>
/// Keeps the server's file system out of what callers read: any absolute path of two or more segments (a work
/// directory, a temporary file, a path ffmpeg or a decoder printed) becomes <c>a server file</c>. URLs and the
/// movie's own paths (<c>$.scenes[0]</c>, <c>/movie/scene[1]</c>) are left as they are.
/// </summary>
public static partial class ServerPaths
{
    public const string Replacement = "a server file";

    public static string Scrub(string message) => AbsolutePath().Replace(message, Replacement);

    // Not preceded by a host, a scheme's "//" or a word (so URLs survive); not followed by '[' (so XML paths survive); a
    // sentence's full stop is not part of the path.
    [GeneratedRegex(@"(?<![\w.:/\\~-])(?:file:)?(?:/[\w.@+~%=,-]+){2,}/?(?<!\.)(?![\w@+~%=,\[-]|\.\w)")]
    private static partial Regex AbsolutePath();
}
