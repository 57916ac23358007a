using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>Translates a <c>&lt;transition&gt;</c>: it becomes the <c>transition</c> of the scene written after it.</summary>
internal static class TransitionElement
{
    public static JsonObject Translate(TranslationContext context, XElement transition, string xmlPath, int nextScene)
    {
        var element = new ElementReader(context, transition, $"$.scenes[{nextScene}].transition", xmlPath);
        element.String("type", "type");
        element.Time("duration", "duration");
        element.RejectOtherAttributes();
        context.RejectChildren(transition, xmlPath);
        return element.ToObject();
    }
}
