using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// What is particular to a <c>&lt;text&gt;</c> layer: its style attributes, its text (from an attribute, a
/// <c>&lt;content&gt;</c> child or the element's own text, exactly one of them) and its <c>&lt;outline&gt;</c> and
/// <c>&lt;shadow&gt;</c>.
/// </summary>
internal static class TextElement
{
    public static void ReadAttributes(ElementReader element)
    {
        element.String("content", "text");
        element.String("text", "text");
        element.String("color", "color");
        element.Number("size", "fontSize");
        element.Number("fontsize", "fontSize");
        element.String("xalign", "align");
        element.String("align", "align");
        if ((element.Take("yalign") ?? element.Take("verticalalign")) is { } vertical)
        {
            element.Set("verticalAlign", vertical == "center" ? "middle" : vertical, "yalign");
        }

        element.String("font", "font");
        element.String("background", "backgroundColor");
        element.Int("padding", "padding");
        element.Number("linespacing", "lineSpacing");
        element.String("overflow", "overflow");
    }

    /// <summary>The text written directly inside <c>&lt;text&gt;</c>, when there is any besides whitespace.</summary>
    public static void ReadElementText(TranslationContext context, XElement text, JsonObject json, string jsonPath, string xmlPath)
    {
        if (text.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            SetText(context, json, string.Concat(text.Nodes().OfType<XText>().Select(t => t.Value)).Trim(), jsonPath, xmlPath);
        }
    }

    public static void TranslateContent(TranslationContext context, XElement content, JsonObject json, string jsonPath, string xmlPath)
    {
        context.RejectChildren(content, xmlPath);
        if (content.Attributes().FirstOrDefault() is { } attribute)
        {
            context.Error($"{xmlPath}/@{attribute.Name.LocalName}", "is not supported on <content>.");
        }

        SetText(context, json, content.Value.Trim(), jsonPath, xmlPath);
    }

    /// <summary>An <c>&lt;outline&gt;</c> or <c>&lt;shadow&gt;</c>: both take the same attributes.</summary>
    public static JsonObject TranslateEffect(TranslationContext context, XElement effect, string jsonPath, string xmlPath)
    {
        var element = new ElementReader(context, effect, jsonPath, xmlPath);
        element.String("color", "color");
        element.Number("width", "width");
        element.Number("x", "x");
        element.Number("y", "y");
        element.Number("blur", "blur");
        element.RejectOtherAttributes();
        context.RejectChildren(effect, xmlPath);
        return element.ToObject();
    }

    private static void SetText(TranslationContext context, JsonObject json, string text, string jsonPath, string xmlPath)
    {
        if (json.ContainsKey("text"))
        {
            context.Error(xmlPath, "The text is given twice (attribute, <content> or element text): keep one.");
            return;
        }

        json["text"] = text;
        context.Origin($"{jsonPath}.text", xmlPath);
    }
}
