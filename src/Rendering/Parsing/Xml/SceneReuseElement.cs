using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates scene reuse: <c>&lt;scenedefinitions&gt;</c> (scenes with an <c>id</c>, defined once) into
/// <c>sceneDefinitions</c>; <c>&lt;sceneview scenes="id, id"&gt;</c> with optional <c>&lt;scene&gt;</c> children into a
/// <c>sceneview</c> layer whose <c>scenes</c> are the ids, then the children; a custom <c>&lt;transition&gt;</c>'s one
/// <c>&lt;scene&gt;</c> into the transition's <c>background</c> and <c>layers</c>, where <c>&lt;layer ref&gt;</c> is a
/// <c>scene</c> layer. A view's <c>src</c> (scenes of another movie) is refused: a render reads only its own movie.
/// </summary>
internal static class SceneReuseElement
{
    public static JsonArray TranslateDefinitions(TranslationContext context, XElement definitions, string xmlPath)
    {
        new ElementReader(context, definitions, "$.sceneDefinitions", xmlPath).RejectOtherAttributes();
        var scenes = new JsonArray();
        foreach (var child in definitions.Elements())
        {
            var childPath = TranslationContext.ChildPath(xmlPath, child);
            if (child.Name.LocalName == "scene")
            {
                scenes.Add(SceneElement.Translate(context, child, $"$.sceneDefinitions[{scenes.Count}]", childPath, inChoice: false));
            }
            else
            {
                context.Unsupported(child, xmlPath, "<scene id>");
            }
        }

        return scenes;
    }

    public static void ReadViewAttributes(ElementReader element)
    {
        if (element.Take("src") is not null)
        {
            element.Error("src", "is not supported: a view shows scenes of this movie (by id, or written inside it); a render reads no other movie.");
        }

        if (element.Take("scenes") is { } ids)
        {
            var list = new JsonArray();
            foreach (var id in ids.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                list.Add(id);
            }

            element.Set("scenes", list, "scenes");
        }
    }

    public static void ReadRefAttributes(ElementReader element) => element.String("ref", "ref");

    /// <summary>A <c>&lt;scene&gt;</c> written inside a view, appended to its <c>scenes</c> after the ids.</summary>
    public static void TranslateViewScene(TranslationContext context, XElement scene, JsonObject view, string jsonPath, string xmlPath)
    {
        if (view["scenes"] is not JsonArray scenes)
        {
            view["scenes"] = scenes = [];
        }

        scenes.Add(SceneElement.Translate(context, scene, $"{jsonPath}.scenes[{scenes.Count}]", xmlPath, inChoice: false, depth: 2));
    }

    /// <summary>The one <c>&lt;scene&gt;</c> of a custom transition: its background and layers become the transition's.</summary>
    public static void TranslateCustomTransition(TranslationContext context, XElement transition, JsonObject json, string jsonPath, string xmlPath)
    {
        var scenes = transition.Elements().ToList();
        if (scenes is not [{ Name.LocalName: "scene" } scene])
        {
            context.Error(xmlPath, $"A custom <transition> holds exactly one <scene> with its layers{TranslationContext.Line(transition)}.");
            return;
        }

        var scenePath = TranslationContext.ChildPath(xmlPath, scene);
        var element = new ElementReader(context, scene, jsonPath, scenePath);
        element.String("background", "background");
        element.RejectOtherAttributes();
        foreach (var (key, value) in element.ToObject().ToList())
        {
            json[key] = value?.DeepClone();
        }

        var layers = new JsonArray();
        foreach (var child in scene.Elements())
        {
            var childPath = TranslationContext.ChildPath(scenePath, child);
            if (LayerElement.IsLayer(child.Name.LocalName) && child.Name.LocalName != "audio")
            {
                layers.Add(LayerElement.Translate(context, child, $"{jsonPath}.layers[{layers.Count}]", childPath));
            }
            else
            {
                context.Unsupported(child, scenePath, "visual layers and <layer ref> (the scene before or after)");
            }
        }

        json["layers"] = layers;
        context.Origin($"{jsonPath}.layers", scenePath);
    }
}
