using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a layer's <c>&lt;mask channel invert&gt;</c> into its <c>mask</c>: the one visual layer element inside it
/// becomes <c>mask.layer</c>, translated like any layer; <c>channel</c> (luma or alpha) and <c>invert</c> keep their
/// names. The JSON parser checks the rest (a mask layer has no mask or blend mode of its own).
/// </summary>
internal static class MaskElement
{
    public static JsonObject Translate(TranslationContext context, XElement mask, string jsonPath, string xmlPath)
    {
        context.Origin(jsonPath, xmlPath);
        var element = new ElementReader(context, mask, jsonPath, xmlPath);
        element.String("channel", "channel");
        element.Bool("invert", "invert");
        element.RejectOtherAttributes();
        var json = element.ToObject();
        var layers = mask.Elements().ToList();
        if (layers.Count != 1 || !LayerElement.IsLayer(layers[0].Name.LocalName) || layers[0].Name.LocalName == "audio")
        {
            context.Error(xmlPath, "<mask> holds exactly one visual layer element (<solid>, <shape>, <text>, <image> or <video>): the layer whose luma or alpha shows the masked one.");
            return json;
        }

        json["layer"] = LayerElement.Translate(context, layers[0], $"{jsonPath}.layer", TranslationContext.ChildPath(xmlPath, layers[0]));
        return json;
    }
}
