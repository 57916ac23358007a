using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Which layers colour and font size keyframes can be rendered on exactly, reported at the first keyframe that sets them.
/// A colour is applied per frame to a picture prepared in opaque white, so every visible pixel of the layer must be its
/// one colour: a solid or plain text (a text's outline, shadow or background, and filters, which would run on the white
/// picture, would take the colour too). A font size scales the text's picture inside its box, which a background would
/// follow, so font size keyframes are for text without <c>backgroundColor</c>.
/// </summary>
internal static class KeyframeContentRules
{
    public static void Check(Layer layer, LayerLook look, ObjectReader reader)
    {
        var color = look.Keyframes.ToList().FindIndex(k => k.Color is not null);
        var colorProblem = color < 0 ? null : layer switch
        {
            SolidLayer => null,
            TextLayer { Style: { OutlineColor: null, ShadowColor: null, BackgroundColor: null } } => null,
            TextLayer => "cannot animate a text with an outline, shadow or backgroundColor: those would take the colour too.",
            _ => "animates the colour of solid and text layers only (a shape's fill, an image or a video have no one colour).",
        };
        colorProblem ??= color >= 0 && look.Filters.Count > 0 ? "cannot animate a layer with filters: they would run before the colour is applied." : null;
        if (colorProblem is not null)
        {
            reader.Error($"keyframes[{color}].color", colorProblem);
        }

        var fontSize = look.Keyframes.ToList().FindIndex(k => k.FontSize is not null);
        var fontSizeProblem = fontSize < 0 ? null : layer switch
        {
            TextLayer { Style.BackgroundColor: not null } => "cannot animate a text with a backgroundColor: the background would shrink with the text.",
            TextLayer => null,
            _ => "animates the font size of text layers only.",
        };
        if (fontSizeProblem is not null)
        {
            reader.Error($"keyframes[{fontSize}].fontSize", fontSizeProblem);
        }
    }
}
