using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// Whether a layer shows the same pixels in the same place on every frame of a scene window: a still source (one frame,
/// looped), no fade, no colour or font size keyframes, no animated property, present from the window's first frame to
/// its last, and a mask (if any) that is unchanging too. <see cref="LayerGraph"/> composes the mask and the blend mode's placed, converted layer of
/// such a layer once and repeats the result, instead of redoing the same work on every frame.
/// </summary>
public static class UnchangingLayer
{
    public static bool Holds(TimelineLayer layer, SceneWindow window) =>
        LayerSource.IsStill(layer)
        && layer.StartFrame <= window.Start && layer.EndFrame >= window.End
        && layer.FadeInFrames == 0 && layer.FadeOutFrames == 0
        && layer.Color is null && layer.FontScale is null
        && IsStatic(layer.Motion)
        && (layer.Mask?.Source is not { } source || Holds(source, window));

    private static bool IsStatic(LayerMotion motion) =>
        motion.AnchorX.IsConstant && motion.AnchorY.IsConstant && motion.X.IsConstant && motion.Y.IsConstant
        && motion.OffsetX.IsConstant && motion.OffsetY.IsConstant
        && motion.ScaleX.IsConstant && motion.ScaleY.IsConstant && motion.Rotation.IsConstant && motion.Opacity.IsConstant && motion.Fade.IsConstant
        && motion.Zoom.IsConstant;
}
