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
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(
                new StringReader(xml),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters });
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
}
