using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Where colour keyframes can be rendered: the colour is applied per frame to a picture prepared in opaque white, so it
/// is exact only when every visible pixel of the layer is its one colour. That holds for a solid and for plain text;
/// a text's outline, shadow or background, and filters (which would run on the white picture), would take the colour
/// too, so those combinations are refused.
/// </summary>
internal static class ColorKeyframeRules
{
    public static void Check(Layer layer, LayerLook look, ObjectReader reader)
    {
        var index = look.Keyframes.ToList().FindIndex(k => k.Color is not null);
        if (index < 0)
        {
            return;
        }

        var problem = layer switch
        {
            SolidLayer => null,
            TextLayer { Style: { OutlineColor: null, ShadowColor: null, BackgroundColor: null } } => null,
            TextLayer => "cannot animate a text with an outline, shadow or backgroundColor: those would take the colour too.",
            _ => "animates the colour of solid and text layers only (a shape's fill, an image or a video have no one colour).",
        };
        problem ??= look.Filters.Count > 0 ? "cannot animate a layer with filters: they would run before the colour is applied." : null;
        if (problem is not null)
        {
            reader.Error($"keyframes[{index}].color", problem);
        }
    }
}
