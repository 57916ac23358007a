using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads scene reuse: scene <c>id</c>s, <c>sceneview</c> layers (a list of scene ids or scenes written in place) and the
/// <c>scene</c> layers of custom transitions (<c>ref</c>: <c>previous</c>, <c>next</c> or one of the two scenes' ids).
/// A scene a view shows (a definition, or one written in the view) is a regular scene of fixed length with pictures
/// only: no condition, transition or sound of its own.
/// </summary>
internal static class SceneReuseReader
{
    public static string? ReadId(ObjectReader reader)
    {
        var id = reader.OptionalString("id");
        if (id is not null && (!VariableTemplate.IsName(id) || id.Length > 64 || id is SceneRefLayer.Previous or SceneRefLayer.Next))
        {
            reader.Error("id", $"'{Short(id)}' is not a scene id: 1–64 letters, digits, '_', '-' or '.', starting with a letter or '_' (not 'previous' or 'next').");
            return null;
        }

        return id;
    }

    public static SceneViewLayer ReadView(ObjectReader reader, LayerBox box, LayerTiming timing, Func<ObjectReader, Scene> readScene)
    {
        var scenes = new List<ViewedScene>();
        foreach (var (path, text, item) in reader.Items("scenes", MovieLimits.MaxViewedScenes, required: true))
        {
            if (text is not null)
            {
                scenes.Add(new ViewedScene(text, null));
            }
            else if (item is not null)
            {
                var scene = readScene(item);
                CheckViewable(scene, item);
                scenes.Add(new ViewedScene(null, scene));
            }
            else
            {
                reader.Error(path[(reader.Path.Length + 1)..], "must be a scene id or a scene.");
            }
        }

        if (reader.Has("scenes") && scenes.Count == 0)
        {
            reader.Error("scenes", "must hold at least one scene id or scene.");
        }

        return new SceneViewLayer(box, timing, scenes);
    }

    public static SceneRefLayer ReadRef(ObjectReader reader, LayerBox box, LayerTiming timing)
    {
        var reference = reader.OptionalString("ref");
        if (reference is null && !reader.Has("ref"))
        {
            reader.Error("ref", "is required: previous, next, or the id of one of the two scenes the transition joins.");
        }

        return new SceneRefLayer(box, timing, reference ?? SceneRefLayer.Previous);
    }

    /// <summary>A scene that only views show: regular, of fixed length, pictures only.</summary>
    public static void CheckViewable(Scene scene, ObjectReader reader)
    {
        if (scene.Type != SceneType.Regular || scene.Condition is not null)
        {
            reader.Error(scene.Type != SceneType.Regular ? "type" : "condition", "is not allowed: a scene a view shows is regular and shown whenever the view is (put the condition on the view).");
        }

        if (scene.Transition is not null)
        {
            reader.Error("transition", "is not allowed: a view plays its scenes one after another, cut.");
        }

        if (scene.Length.Auto)
        {
            reader.Error("duration", "cannot be \"auto\" in a scene a view shows: give it seconds or frames.");
        }

        if (scene.Layers.Any(l => l is AudioLayer))
        {
            reader.Error("layers", "must not hold audio: a view shows pictures only (put sound in the scene that holds the view).");
        }
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
