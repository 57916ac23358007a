using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates a <c>&lt;scene&gt;</c>: its length (frames, seconds or "auto"), kind and condition, and its layers; a
/// choice scene holds case scenes instead (one without a <c>case</c> is its default).
/// </summary>
internal static class SceneElement
{
    /// <summary>Translates the scene at <paramref name="depth"/> (1 at the top); one nested deeper than <see cref="MovieLimits.MaxSceneDepth"/> is an error, not translated.</summary>
    public static JsonObject Translate(TranslationContext context, XElement scene, string jsonPath, string xmlPath, bool inChoice, int depth = 1)
    {
        context.Origin(jsonPath, xmlPath);
        if (depth > MovieLimits.MaxSceneDepth)
        {
            context.Error(xmlPath, $"A <scene> may be nested at most {MovieLimits.MaxSceneDepth} levels deep{TranslationContext.Line(scene)}.");
            return [];
        }

        var element = new ElementReader(context, scene, jsonPath, xmlPath);
        var type = element.Take("type");
        if (type is not null)
        {
            element.Set("type", type, "type");
        }

        if (element.Take("duration") is { } duration)
        {
            if (duration.Trim() is "auto" or "audio")
            {
                element.Set("duration", "auto", "duration");
            }
            else if (duration.TrimEnd().EndsWith('s'))
            {
                element.Number("duration", "duration", duration.TrimEnd()[..^1]);
            }
            else if (int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var frames))
            {
                element.Set("frames", frames, "duration");
            }
            else if (duration.Contains("${", StringComparison.Ordinal))
            {
                element.Set("frames", duration.Trim(), "duration");
            }
            else
            {
                element.Error("duration", $"must be a frame count (\"75\"), seconds (\"3s\") or \"auto\"; '{duration}' is neither.");
            }
        }

        element.String("background", "background");
        element.String("id", "id");
        element.String("condition", type == "choice" && !scene.Attributes("variable").Any() ? "variable" : "condition");
        element.String("variable", "variable");
        if (inChoice)
        {
            element.String("case", "case");
        }

        element.RejectOtherAttributes();
        var json = element.ToObject();
        var layers = new JsonArray();
        var cases = new JsonArray();
        foreach (var child in scene.Elements())
        {
            var name = child.Name.LocalName;
            var childPath = TranslationContext.ChildPath(xmlPath, child);
            if (name == "scene" && type == "choice")
            {
                if (child.Attribute("case") is null)
                {
                    if (json.ContainsKey("default"))
                    {
                        context.Error(childPath, "A choice has at most one <scene> without a case (its default).");
                    }

                    json["default"] = Translate(context, child, $"{jsonPath}.default", childPath, inChoice: false, depth + 1);
                }
                else
                {
                    cases.Add(Translate(context, child, $"{jsonPath}.cases[{cases.Count}]", childPath, inChoice: true, depth + 1));
                }
            }
            else if (LayerElement.IsLayer(name))
            {
                layers.Add(LayerElement.Translate(context, child, $"{jsonPath}.layers[{layers.Count}]", childPath));
            }
            else
            {
                context.Unsupported(child, xmlPath, type == "choice" ? "case <scene>s" : "layers (<text>, <image>, <video>, <solid>, <shape>, <audio>)");
            }
        }

        if (layers.Count > 0)
        {
            json["layers"] = layers;
        }

        if (type == "choice")
        {
            json["cases"] = cases;
        }

        return json;
    }
}
