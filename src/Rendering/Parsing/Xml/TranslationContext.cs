using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// One translation: the problems found, where each JSON field came from in the XML (so the JSON parser's problems can be
/// reported at XML paths) and the frame rate that frame-count times are read in.
/// </summary>
internal sealed class TranslationContext
{
    private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);

    public List<MovieError> Errors { get; } = [];

    /// <summary>The movie's <c>framerate</c>, once read; frame-count times are converted with it.</summary>
    public FrameRate Fps { get; set; } = FrameRate.Whole(30);

    public void Error(string xmlPath, string message) => Errors.Add(new MovieError(xmlPath, message));

    public void Origin(string jsonPath, string xmlPath) => origins[jsonPath] = xmlPath;

    /// <summary>Frames to seconds at the movie's frame rate; the parser rounds back to the same frame.</summary>
    public double Seconds(int frames) => Fps.Seconds(frames);

    /// <summary>Reports every child element of an element that takes none.</summary>
    public void RejectChildren(XElement element, string xmlPath)
    {
        foreach (var child in element.Elements())
        {
            Error(ChildPath(xmlPath, child), $"<{child.Name.LocalName}> is not supported inside <{element.Name.LocalName}>{Line(child)}.");
        }
    }

    public void Unsupported(XElement child, string parentPath, string allowed) =>
        Error(ChildPath(parentPath, child), $"<{child.Name.LocalName}> is not supported inside <{child.Parent!.Name.LocalName}>{Line(child)}; allowed: {allowed}.");

    /// <summary>A parser problem at the XML attribute its field came from, else at the nearest element.</summary>
    public MovieError ToXmlError(MovieError error)
    {
        if (origins.TryGetValue(error.Path, out var exact))
        {
            return new MovieError(exact, error.Message);
        }

        for (var path = error.Path; path.Length > 1;)
        {
            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            path = path[..cut];
            if (origins.TryGetValue(path, out var element))
            {
                return new MovieError(element, $"{error.Path[(path.Length + (error.Path[path.Length] == '.' ? 1 : 0))..]} {error.Message}");
            }
        }

        return new MovieError(error.Path.Length <= 1 ? "/movie" : error.Path, error.Message);
    }

    /// <summary>The XML path of a child element: its name and its position among its parent's children of that name.</summary>
    public static string ChildPath(string parentPath, XElement child) =>
        $"{parentPath}/{child.Name.LocalName}[{child.ElementsBeforeSelf(child.Name).Count() + 1}]";

    public static string Line(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? string.Create(CultureInfo.InvariantCulture, $" (line {info.LineNumber})") : "";
}
