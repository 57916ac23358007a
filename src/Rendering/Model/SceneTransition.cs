namespace Orleans.Render.Rendering.Model;

/// <summary>A transition into a scene from the one before it, lasting <c>Frames</c> frames of overlap.</summary>
public sealed record SceneTransition(TransitionKind Kind, int Frames);
