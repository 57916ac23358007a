using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Render.TestSupport.Fuzzing;

/// <summary>
/// Turns a valid XML template into a hostile variant: attribute values swapped for hostile ones, elements repeated,
/// removed or nested thousands deep, DTDs, entities and invalid characters spliced in, then sometimes byte damage.
/// </summary>
public sealed partial class XmlMutator(IReadOnlyList<string> seeds)
{
    private const int MaxDocument = 3 * 1024 * 1024;

    private static readonly string[] Fragments =
    [
        "<scene type=\"choice\" variable=\"v\">", "</scene>", "<scene duration=\"1\"/>", "<text>${x}</text>", "&#xD800;", "&#0;",
        "&amp;", "&unknown;", "<![CDATA[ ]]>", "<!-- -->", "<?pi x?>", "<!DOCTYPE movie [<!ENTITY e \"x\">]>", "<x:y xmlns:x=\"urn:x\"/>",
        "<image url=\"http://169.254.169.254/\" width=\"1e400\" height=\"-1\"/>", "<video url=\"file:///etc/passwd\" duration=\"-5\"/>",
        "<transition type=\"crossfade\" duration=\"99999\"/>", "<audio url=\"../x.mp3\"/>",
    ];

    private static readonly string[] AttributeValues =
        [.. HostileValues.Numbers, "auto", "audio", "1s", "-1s", "1e400s", "NaNs", "choice", "optional", "${v}", "0, 0", "1,", ",", "&lt;", "http://127.0.0.1/"];

    public string Next(Random random)
    {
        var xml = seeds[random.Next(seeds.Count)];
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            xml = random.Next(6) switch
            {
                0 or 1 => ReplaceAttribute(xml, random),
                2 => Insert(xml, random, Fragments[random.Next(Fragments.Length)]),
                3 => Insert(xml, random, NestedScenes(random.Next(2) == 0 ? random.Next(10, 40) : random.Next(40, 20_000))),
                4 => RepeatElement(xml, random),
                _ => Insert(xml, random, $" {(Attribute().Match(xml) is { Success: true } first ? first.Groups[1].Value : "x")}=\"1\""),
            };
            xml = xml.Length > MaxDocument ? xml[..MaxDocument] : xml; // Past every size limit, yet fast to generate.
        }

        return random.NextDouble() < 0.15 ? Encoding.UTF8.GetString(ByteMutator.Mutate(Encoding.UTF8.GetBytes(xml), random)) : xml;
    }

    private static string ReplaceAttribute(string xml, Random random)
    {
        var match = Attribute().Match(xml, random.Next(xml.Length));
        match = match.Success ? match : Attribute().Match(xml);
        if (!match.Success)
        {
            return xml;
        }

        var value = match.Groups[2];
        var replacement = random.Next(10) == 0 ? HostileValues.Text(random.Next(1000, 200_000)) : AttributeValues[random.Next(AttributeValues.Length)];
        return xml[..value.Index] + replacement.Replace("\"", "&quot;", StringComparison.Ordinal) + xml[(value.Index + value.Length)..];
    }

    private static string Insert(string xml, Random random, string fragment)
    {
        var at = random.Next(xml.Length + 1);
        return xml[..at] + fragment + xml[at..];
    }

    private static string NestedScenes(int depth) =>
        string.Concat(Enumerable.Repeat("<scene type=\"choice\" variable=\"v\">", depth)) + "<scene duration=\"1\"/>" + string.Concat(Enumerable.Repeat("</scene>", depth));

    private static string RepeatElement(string xml, Random random)
    {
        var element = Element().Match(xml, random.Next(xml.Length));
        element = element.Success ? element : Element().Match(xml);
        if (!element.Success)
        {
            return xml;
        }

        return random.Next(3) == 0
            ? xml.Remove(element.Index, element.Length)
            : xml.Insert(element.Index, string.Concat(Enumerable.Repeat(element.Value, random.Next(2, 300))));
    }

    // Names bounded and after whitespace, so a long run of letters costs linear time, not quadratic backtracking.
    [GeneratedRegex("(?<=\\s)([A-Za-z_:][\\w:.-]{0,40})=\"([^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<([a-z]{1,20})\\b[^<>]{0,2000}/>")]
    private static partial Regex Element();
}
