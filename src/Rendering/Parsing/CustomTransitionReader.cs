using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads what a <c>custom</c> transition paints over its frames: an optional <c>background</c> and its <c>layers</c>,
/// visual layers timed from the transition's first frame, among them <c>scene</c> layers that show the scene before
/// (<c>"ref": "previous"</c>) or after it (<c>"next"</c>) as they play.
/// </summary>
internal static class CustomTransitionReader
{
    public static Transition Read(ObjectReader reader, Transition transition, Func<ObjectReader, Layer?> readLayer)
    {
        var background = reader.Has("background") ? reader.Color("background", "#000000") : null;
        reader.Allow("background");
        var layers = reader.Objects("layers", MovieLimits.MaxLayersPerScene, required: true).Select(readLayer).OfType<Layer>().ToList();
        if (layers.Any(l => l is AudioLayer))
        {
            reader.Error("layers", "must not hold audio: during a transition both scenes' sounds play.");
        }

        if (reader.Has("layers") && layers.Count == 0)
        {
            reader.Error("layers", "must hold at least one layer (a 'scene' layer shows one of the two scenes).");
        }

        return transition with { Background = background, Layers = layers };
    }
}
