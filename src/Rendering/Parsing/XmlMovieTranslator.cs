using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Orleans.Render.Rendering.Parsing.Xml;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// The JSON movie an XML template became (null when the XML itself could not be translated) and its problems, at XML
/// paths; the movie is valid only when there are none.
/// </summary>
public sealed record XmlTranslation(string? Json, IReadOnlyList<MovieError> Errors);

/// <summary>
/// Translates an impossible.io-style XML template (<c>&lt;movie&gt;</c> with scenes, layers, animations, transitions and
/// audio) into the JSON movie format and validates it with <see cref="MovieParser"/>. Every element and attribute is
/// either mapped or reported (never dropped); parser problems are reported at the XML element and attribute they came
/// from. Times are frame counts (<c>"75"</c>) or seconds (<c>"0.3s"</c>); <c>position</c>, <c>anchor</c> and
/// <c>scale</c> may be <c>"x, y"</c> pairs; <c>${…}</c> variables pass through. Each element family is translated in
/// <c>Parsing/Xml</c>, starting at <see cref="MovieElement"/>.
/// </summary>
public static class XmlMovieTranslator
{
    private const int MaxCharacters = 2 * 1024 * 1024;

    public static XmlTranslation Translate(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters };
        XDocument document;
        try
        {
            if (FindTooDeep(xml, settings) is { } tooDeep)
            {
                return new XmlTranslation(null, [tooDeep]);
            }

            using var reader = XmlReader.Create(new StringReader(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new XmlTranslation(null, [new MovieError("/", $"The movie is not well-formed XML: {ex.Message}")]);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "movie" || root.Name.Namespace != XNamespace.None)
        {
            return new XmlTranslation(null, [new MovieError("/", $"The root element must be <movie>, not <{root.Name.LocalName}>.")]);
        }

        var context = new TranslationContext();
        var movie = MovieElement.Translate(context, root);
        if (context.Errors.Count > 0)
        {
            return new XmlTranslation(null, context.Errors);
        }

        var json = movie.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var parsed = MovieParser.Parse(json);
        return new XmlTranslation(json, [.. parsed.Errors.Select(context.ToXmlError)]);
    }

    /// <summary>
    /// The first element nested deeper than <see cref="MovieLimits.MaxDocumentDepth"/>, found in one streaming pass before
    /// the document is built, so no later walk over it can run out of stack.
    /// </summary>
    private static MovieError? FindTooDeep(string xml, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var path = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Depth >= MovieLimits.MaxDocumentDepth)
            {
                var line = reader is IXmlLineInfo info ? info.LineNumber : 0;
                return new MovieError(
                    "/" + string.Join('/', path.Take(reader.Depth)),
                    $"Elements nest more than {MovieLimits.MaxDocumentDepth} levels deep (line {line}).");
            }

            path.RemoveRange(reader.Depth, path.Count - reader.Depth);
            path.Add(reader.LocalName);
        }

        return null;
    }
}
