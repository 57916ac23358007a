namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A transition into a scene from the one before it, lasting <c>Frames</c> frames of overlap. A custom one paints
/// <c>Background</c> and then its <c>Layers</c> (frames counted from the transition's first frame), some of which show
/// the two scenes (<see cref="NeighbourContent"/>).
/// </summary>
public sealed record SceneTransition(TransitionKind Kind, int Frames)
{
    public RgbaColor Background { get; init; } = new(0, 0, 0, 255);

    public IReadOnlyList<TimelineLayer> Layers { get; init; } = [];
}
