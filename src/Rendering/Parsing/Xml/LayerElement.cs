using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a layer element of a scene: the box, timing and look every visual layer shares, then the attributes of its
/// kind (<see cref="TextElement"/>, <see cref="MediaElement"/>, <see cref="ShapeElement"/>) and its animations and
/// keyframes (<see cref="AnimationElement"/>), filters (<see cref="FilterElement"/>) and its mask (<see cref="MaskElement"/>). An <c>&lt;audio&gt;</c> layer is an <see cref="AudioElement"/>.
/// </summary>
internal static class LayerElement
{
    private static readonly string[] VisualLayers = ["text", "image", "video", "solid", "shape", "sceneview", "layer"];

    public static bool IsLayer(string name) => VisualLayers.Contains(name) || name == "audio";

    public static JsonObject Translate(TranslationContext context, XElement layer, string jsonPath, string xmlPath)
    {
        context.Origin(jsonPath, xmlPath);
        var type = layer.Name.LocalName;
        if (type == "audio")
        {
            return AudioElement.Translate(context, layer, jsonPath, xmlPath, layer: true);
        }

        var element = new ElementReader(context, layer, jsonPath, xmlPath);
        element.Set("type", type == "layer" ? "scene" : type, null);
        if (element.Take("position") is { } position)
        {
            element.Pair("position", position, "x", "y");
        }

        element.Int("x", "x");
        element.Int("y", "y");
        element.Int("width", "width");
        element.Int("height", "height");
        element.Time("offset", "start");
        element.Time("start", "start");
        element.Time("duration", "duration");
        element.Time("fadein", "fadeIn");
        element.Time("fadeout", "fadeOut");
        element.Anchor();
        if (element.Take("scale") is { } scale)
        {
            element.Scale(scale);
        }

        element.Number("rotation", "rotation");
        element.Number("opacity", "opacity");
        element.String("blendmode", "blend");
        element.String("blend", "blend");
        element.String("condition", "condition");
        AnimationElement.RefuseMotionBlur(element);
        switch (type)
        {
            case "text":
                TextElement.ReadAttributes(element);
                break;
            case "image":
                MediaElement.ReadImageAttributes(element);
                break;
            case "video":
                MediaElement.ReadVideoAttributes(element);
                break;
            case "solid":
                ShapeElement.ReadSolidAttributes(element);
                break;
            case "shape":
                ShapeElement.ReadShapeAttributes(element);
                break;
            case "sceneview":
                SceneReuseElement.ReadViewAttributes(element);
                break;
            case "layer":
                SceneReuseElement.ReadRefAttributes(element);
                break;
        }

        element.RejectOtherAttributes();
        var json = element.ToObject();
        TranslateChildren(context, layer, json, jsonPath, xmlPath);
        return json;
    }

    private static void TranslateChildren(TranslationContext context, XElement layer, JsonObject json, string jsonPath, string xmlPath)
    {
        var animations = new JsonArray();
        var keyframes = new JsonArray();
        var filters = new JsonArray();
        var type = layer.Name.LocalName;
        if (type == "text")
        {
            TextElement.ReadElementText(context, layer, json, jsonPath, xmlPath);
        }

        foreach (var child in layer.Elements())
        {
            var name = child.Name.LocalName;
            var childPath = TranslationContext.ChildPath(xmlPath, child);
            switch (name)
            {
                case "animation" when child.Attribute("type") is null:
                    AnimationElement.TranslateKeyframes(context, child, jsonPath, childPath, keyframes);
                    break;
                case "animation":
                    animations.Add(AnimationElement.Translate(context, child, $"{jsonPath}.animations[{animations.Count}]", childPath));
                    break;
                case "mask" when !json.ContainsKey("mask"):
                    json["mask"] = MaskElement.Translate(context, child, $"{jsonPath}.mask", childPath);
                    break;
                case "filter":
                    filters.Add(FilterElement.Translate(context, child, $"{jsonPath}.filters[{filters.Count}]", childPath));
                    break;
                case "scene" when type == "sceneview":
                    SceneReuseElement.TranslateViewScene(context, child, json, jsonPath, childPath);
                    break;
                case "content" when type == "text":
                    TextElement.TranslateContent(context, child, json, jsonPath, childPath);
                    break;
                case "outline" when type == "text":
                case "shadow" when type == "text":
                    json[name] = TextElement.TranslateEffect(context, child, $"{jsonPath}.{name}", childPath);
                    break;
                default:
                    context.Unsupported(child, xmlPath, type == "text" ? "<animation>, <filter>, one <mask>, <content>, <outline> and <shadow>" : "<animation>, <filter> and one <mask>");
                    break;
            }
        }

        if (animations.Count > 0)
        {
            json["animations"] = animations;
        }

        if (keyframes.Count > 0)
        {
            json["keyframes"] = keyframes;
        }

        if (filters.Count > 0)
        {
            json["filters"] = filters;
        }
    }
}
