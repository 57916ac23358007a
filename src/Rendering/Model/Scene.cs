namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A scene as authored. A <c>regular</c> or <c>optional</c> scene has a length, a background and layers; a <c>choice</c>
/// scene has none of its own and stands for one of its <c>Cases</c> (or <c>Default</c>), picked by <c>Variable</c>.
/// <c>Condition</c> names a param that must be truthy for the scene to be rendered.
/// </summary>
public sealed record Scene(SceneLength Length, string? Background, IReadOnlyList<Layer> Layers)
{
    public SceneType Type { get; init; } = SceneType.Regular;

    public string? Condition { get; init; }

    /// <summary>The transition into this scene from the previous rendered one; none means a cut.</summary>
    public Transition? Transition { get; init; }

    public string? Variable { get; init; }

    public IReadOnlyList<Scene> Cases { get; init; } = [];

    public Scene? Default { get; init; }

    /// <summary>The value of the choice's variable that picks this scene (only on the cases of a choice).</summary>
    public string? Case { get; init; }

    /// <summary>The name views and custom transitions refer to this scene by.</summary>
    public string? Id { get; init; }
}

public enum SceneType
{
    Regular,
    Optional,
    Choice,
}

/// <summary>
/// A scene's length: seconds, whole frames, or <c>Auto</c>: until the end of its longest non-looping video or audio
/// layer, known only once that media is probed. A length from params is a <c>Template</c> (seconds, or frames when
/// <c>InFrames</c>), bound per render; <c>Seconds</c> and <c>Frames</c> are then null.
/// </summary>
public sealed record SceneLength(double? Seconds, int? Frames, bool Auto = false)
{
    public string? Template { get; init; }

    public bool InFrames { get; init; }
}

/// <summary>
/// A transition as authored: its kind and its length in seconds. A <c>custom</c> one composes its own <c>Layers</c>
/// (some of them <see cref="SceneRefLayer"/>s showing the two scenes) over <c>Background</c> (null: black).
/// </summary>
public sealed record Transition(TransitionKind Kind, double Duration)
{
    public string? Background { get; init; }

    public IReadOnlyList<Layer> Layers { get; init; } = [];
}
