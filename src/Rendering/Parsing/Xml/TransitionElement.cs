using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>Translates a <c>&lt;transition&gt;</c>: it becomes the <c>transition</c> of the scene written after it.</summary>
internal static class TransitionElement
{
    public static JsonObject Translate(TranslationContext context, XElement transition, string xmlPath, int nextScene)
    {
        var jsonPath = $"$.scenes[{nextScene}].transition";
        var element = new ElementReader(context, transition, jsonPath, xmlPath);
        var type = element.Take("type");
        if (type is not null)
        {
            element.Set("type", type, "type");
        }

        element.Time("duration", "duration");
        element.RejectOtherAttributes();
        var json = element.ToObject();
        if (type?.Trim() == "custom")
        {
            SceneReuseElement.TranslateCustomTransition(context, transition, json, jsonPath, xmlPath);
        }
        else
        {
            context.RejectChildren(transition, xmlPath);
        }

        return json;
    }
}
