using System.Xml;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Speech;

/// <summary>
/// The SSML subset spoken: <c>speak</c>, <c>p</c>, <c>s</c>, <c>break</c>, <c>emphasis</c>, <c>prosody</c>,
/// <c>say-as</c> and <c>sub</c> with their plain attributes, no DTD or entities. Everything else is refused rather than
/// passed on: voice engines act on some SSML by reading files (espeak-ng's <c>&lt;audio src&gt;</c> loads a sound from
/// a local path), so only markup that shapes speech reaches a provider.
/// </summary>
public static class SsmlDocument
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["speak"] = ["version", "lang"],
        ["p"] = [],
        ["s"] = [],
        ["break"] = ["time", "strength"],
        ["emphasis"] = ["level"],
        ["prosody"] = ["rate", "pitch", "volume"],
        ["say-as"] = ["interpret-as", "format"],
        ["sub"] = ["alias"],
    };

    /// <summary>The document written again from what was read (so only checked markup remains), or a <c>speech_invalid</c> input error.</summary>
    public static string Check(string ssml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(ssml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new RenderInputException("speech_invalid", $"The SSML is not well-formed XML: {ex.Message}");
        }

        var root = document.Root!;
        if (root.Name.LocalName != "speak")
        {
            throw new RenderInputException("speech_invalid", "SSML must have <speak> as its root element.");
        }

        foreach (var element in root.DescendantsAndSelf())
        {
            var name = element.Name.LocalName;
            if (!Allowed.TryGetValue(name, out var attributes))
            {
                throw new RenderInputException("speech_invalid", $"The SSML element <{name}> is not supported (allowed: {string.Join(", ", Allowed.Keys)}).");
            }

            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration))
            {
                var attributeName = attribute.Name.LocalName;
                if (!attributes.Contains(attributeName) || (attribute.Name.Namespace != XNamespace.None && attribute.Name != XNamespace.Xml + "lang"))
                {
                    throw new RenderInputException("speech_invalid", $"The SSML attribute '{attribute.Name}' of <{name}> is not supported.");
                }
            }
        }

        foreach (var instruction in document.DescendantNodes().OfType<XProcessingInstruction>().ToList())
        {
            instruction.Remove();
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }
}
