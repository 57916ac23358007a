using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The part of a scene a frame range needs, as scene frames <c>[Start, End)</c>. A range that touches a transition
/// needs the whole transition from both scenes (the blend is computed from its first frame), so the window grows to
/// cover it; the compiler trims the blended frames back to the range.
/// </summary>
public sealed record SceneWindow(int SceneIndex, TimelineScene Scene, int Start, int End)
{
    public int Count => End - Start;

    public bool Overlaps(int start, int end) => start < End && end > Start;

    /// <summary>
    /// Every layer whose pixels or media the window's frames need: the layers it shows with their masks' layers and the
    /// layers of the scenes they view, and the layers of the custom transition into the scene when the window covers it.
    /// </summary>
    public IEnumerable<TimelineLayer> ShownLayers()
    {
        var shown = Scene.Layers.Where(l => Overlaps(l.StartFrame, l.EndFrame));
        if (Start < Scene.TransitionFrames)
        {
            shown = shown.Concat(Scene.Transition!.Layers);
        }

        return shown.SelectMany(WithViewed);
    }

    private static IEnumerable<TimelineLayer> WithViewed(TimelineLayer layer) => layer.WithMaskSource().SelectMany(l => l.Content is SceneViewContent view
        ? view.Scenes.SelectMany(s => s.Layers).SelectMany(WithViewed).Prepend(l)
        : [l]);

    public static IReadOnlyList<SceneWindow> Covering(Timeline timeline, FrameRange range)
    {
        var windows = new List<SceneWindow>();
        for (var i = 0; i < timeline.Scenes.Count; i++)
        {
            var scene = timeline.Scenes[i];
            var start = Math.Max(range.Start, scene.StartFrame) - scene.StartFrame;
            var end = Math.Min(range.End, scene.StartFrame + scene.FrameCount) - scene.StartFrame;
            if (end <= start)
            {
                continue;
            }

            var incoming = IncomingFrames(timeline, i);
            var outgoing = OutgoingFrames(timeline, i);
            if (start < incoming)
            {
                (start, end) = (0, Math.Max(end, incoming));
            }

            if (end > scene.FrameCount - outgoing)
            {
                (start, end) = (Math.Min(start, scene.FrameCount - outgoing), scene.FrameCount);
            }

            windows.Add(new SceneWindow(i, scene, start, end));
        }

        return windows;
    }

    /// <summary>Frames at the start of scene <paramref name="index"/> blended with the scene before (none for the first).</summary>
    public static int IncomingFrames(Timeline timeline, int index) => index == 0 ? 0 : timeline.Scenes[index].TransitionFrames;

    /// <summary>Frames at the end of scene <paramref name="index"/> blended with the scene after (none for the last).</summary>
    public static int OutgoingFrames(Timeline timeline, int index) =>
        index + 1 < timeline.Scenes.Count ? timeline.Scenes[index + 1].TransitionFrames : 0;
}
