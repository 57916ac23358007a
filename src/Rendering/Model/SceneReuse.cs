namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A layer that shows other scenes of the movie (impossible.io's <c>&lt;sceneview&gt;</c>): <c>Scenes</c> play one after
/// another inside the layer's box, each composed at the movie's frame size and scaled to the box, from the layer's
/// start. The layer's own fields (box, timing, anchor, scale, rotation, opacity, blend, mask, animations) are the
/// instance's overrides; its natural length is the viewed scenes' frames together.
/// </summary>
public sealed record SceneViewLayer(LayerBox Box, LayerTiming Timing, IReadOnlyList<ViewedScene> Scenes) : Layer(Box, Timing);

/// <summary>One scene a view shows: the <c>id</c> of a scene of the movie or of its <c>sceneDefinitions</c>, or a scene written in place.</summary>
public sealed record ViewedScene(string? Id, Scene? Inline);

/// <summary>
/// A layer of a custom transition that shows one of the two scenes the transition joins, live (impossible.io's
/// <c>&lt;layer ref&gt;</c>): <c>Incoming</c> the scene the transition leads into, otherwise the one before it.
/// </summary>
public sealed record SceneRefLayer(LayerBox Box, LayerTiming Timing, string Ref) : Layer(Box, Timing)
{
    public const string Previous = "previous";
    public const string Next = "next";

    public bool Incoming => Ref == Next;
}

/// <summary>A bound scene view: the viewed scenes with frames counted from the view's first frame, cut-joined.</summary>
public sealed record SceneViewContent(IReadOnlyList<TimelineScene> Scenes) : LayerContent
{
    public int FrameCount => Scenes.Count == 0 ? 0 : Scenes[^1].StartFrame + Scenes[^1].FrameCount;
}

/// <summary>The frames of a neighbouring scene during a custom transition, stretched to the layer's box.</summary>
public sealed record NeighbourContent(bool Incoming) : LayerContent;
