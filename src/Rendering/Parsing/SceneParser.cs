using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads one scene: its kind (regular, optional, choice with cases), length, condition and transition.</summary>
internal static class SceneParser
{
    private static readonly string[] TransitionNames =
        ["crossfade", "fadeblack", "wipeleft", "wiperight", "wipeup", "wipedown", "slideleft", "slideright", "slideup", "slidedown", "custom"];

    /// <summary>Reads the scene at <paramref name="depth"/> (1 for a top-level scene); deeper than <see cref="MovieLimits.MaxSceneDepth"/> is an error, not read.</summary>
    public static Scene Read(ObjectReader reader, Func<ObjectReader, Layer?> readLayer, bool isCase = false, int depth = 1)
    {
        if (depth > MovieLimits.MaxSceneDepth)
        {
            reader.Error("type", $"is a scene nested more than {MovieLimits.MaxSceneDepth} levels deep.");
            return new Scene(new SceneLength(null, 1), null, []);
        }

        var type = reader.Choice("type", "regular", "regular", "optional", "choice");
        var id = SceneReuseReader.ReadId(reader);
        if (id is not null && (depth > 1 || isCase || type == "choice"))
        {
            reader.Error("id", "is only allowed on top-level scenes that are not choices and on sceneDefinitions.");
        }

        var condition = reader.Condition("condition");
        var transition = reader.Object("transition") is { } transitionReader ? ReadTransition(transitionReader, readLayer) : null;
        var caseValue = isCase ? reader.OptionalString("case") : null;
        if (isCase && caseValue is null && !reader.Has("case"))
        {
            reader.Error("case", "is required on each of a choice's cases.");
        }

        if (type == "optional" && condition is null && !reader.Has("condition"))
        {
            reader.Error("condition", "is required for an optional scene (the name of the param that switches it on).");
        }

        if (type == "choice")
        {
            if (isCase)
            {
                reader.Error("type", "must not be choice inside a choice's cases.");
            }

            var variable = reader.VariableName("variable");
            if (!reader.Has("variable"))
            {
                reader.Error("variable", "is required for a choice scene (the name of the param that picks the case).");
            }

            var cases = reader.Objects("cases", MovieLimits.MaxScenes, required: true).Select(c => Read(c, readLayer, isCase: true, depth + 1)).ToList();
            var fallback = reader.Object("default") is { } defaultReader ? Read(defaultReader, readLayer, depth: depth + 1) : null;
            reader.RejectUnknownMembers();
            return new Scene(new SceneLength(null, null), null, [])
            {
                Type = SceneType.Choice, Condition = condition, Transition = transition, Variable = variable, Cases = cases, Default = fallback,
            };
        }

        var length = ReadLength(reader);
        var background = reader.Has("background") ? reader.Color("background", "#000000") : null;
        reader.Allow("background");
        var layers = reader.Objects("layers", MovieLimits.MaxLayersPerScene).Select(readLayer).OfType<Layer>().ToList();
        if (layers.Any(l => l is SceneRefLayer))
        {
            reader.Error("layers", "holds a 'scene' layer, which only a custom transition's layers may hold (it shows one of the two scenes the transition joins).");
        }

        if (length.Auto && !layers.Any(SetsAutoLength))
        {
            reader.Error("duration", "is \"auto\", but the scene has no video or audio layer that does not loop to take its length from.");
        }

        reader.RejectUnknownMembers();
        return new Scene(length, background, layers)
        {
            Type = type == "optional" ? SceneType.Optional : SceneType.Regular, Condition = condition, Transition = transition, Case = caseValue, Id = id,
        };
    }

    /// <summary>The most seconds a scene can last at <paramref name="fps"/>: a choice lasts as long as its longest option.</summary>
    public static double MaxSeconds(Scene scene, FrameRate fps) => scene.Type == SceneType.Choice
        ? scene.Cases.Append(scene.Default).OfType<Scene>().Select(s => MaxSeconds(s, fps)).DefaultIfEmpty(0).Max()
        : scene.Length.Seconds ?? fps.Seconds(scene.Length.Frames ?? 0);

    /// <summary>Whether the layer can end an <c>"auto"</c> scene: a looping layer never ends by itself.</summary>
    public static bool SetsAutoLength(Layer layer) => layer is VideoLayer { Loop: false } or AudioLayer { Loop: false };

    private static SceneLength ReadLength(ObjectReader reader)
    {
        if (reader.IsWord("duration", "auto"))
        {
            if (reader.Has("frames"))
            {
                reader.Error("duration", "and frames are exclusive: give one of them.");
            }

            reader.Allow("duration");
            return new SceneLength(null, null, Auto: true);
        }

        if (reader.Has("frames"))
        {
            if (reader.Has("duration"))
            {
                reader.Error("duration", "and frames are exclusive: give one of them.");
            }

            var frames = (int)reader.BindableNumber("frames", 1, 1, (int)MovieLimits.MaxMovieSeconds * MovieLimits.MaxFps, wholeNumber: true);
            return reader.NumberTemplates.TryGetValue("frames", out var framesTemplate)
                ? new SceneLength(null, null) { Template = framesTemplate, InFrames = true }
                : new SceneLength(null, frames);
        }

        var seconds = reader.BindableNumber("duration", 1, 0.001, MovieLimits.MaxMovieSeconds, required: true);
        return reader.NumberTemplates.TryGetValue("duration", out var template)
            ? new SceneLength(null, null) { Template = template }
            : new SceneLength(seconds, null);
    }

    private static Transition ReadTransition(ObjectReader reader, Func<ObjectReader, Layer?> readLayer)
    {
        var name = reader.Choice("type", "crossfade", TransitionNames);
        if (!reader.Has("type"))
        {
            reader.Error("type", $"is required ({string.Join(", ", TransitionNames)}).");
        }

        var duration = reader.Number("duration", 0.5, 0.001, MovieLimits.MaxMovieSeconds);
        var transition = new Transition(Enum.Parse<TransitionKind>(name, ignoreCase: true), duration);
        if (transition.Kind == TransitionKind.Custom)
        {
            transition = CustomTransitionReader.Read(reader, transition, readLayer);
        }

        reader.RejectUnknownMembers();
        return transition;
    }
}
