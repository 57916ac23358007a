using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a layer's <c>&lt;filter type="…"&gt;</c> child into an entry of its <c>filters</c>: <c>value</c>,
/// <c>radius</c>, <c>strength</c> and <c>src</c>/<c>url</c> (a LUT asset) keep their names; impossible.io's
/// <c>cubelut</c> type is <c>lut</c>. The JSON parser checks the values.
/// </summary>
internal static class FilterElement
{
    public static JsonObject Translate(TranslationContext context, XElement filter, string jsonPath, string xmlPath)
    {
        context.Origin(jsonPath, xmlPath);
        var element = new ElementReader(context, filter, jsonPath, xmlPath);
        if (element.Take("type") is { } type)
        {
            element.Set("type", type.Trim().Equals("cubelut", StringComparison.OrdinalIgnoreCase) ? "lut" : type.Trim(), "type");
        }

        element.Number("value", "value");
        element.Number("radius", "radius");
        element.Number("strength", "strength");
        element.String("src", "url");
        element.String("url", "url");
        element.RejectOtherAttributes();
        context.RejectChildren(filter, xmlPath);
        return element.ToObject();
    }
}
