using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads a layer's <c>mask</c>: <c>{"layer": {…}, "channel": "luma" | "alpha", "invert": false}</c>. The mask layer is
/// any visual layer without a mask of its own or a blend mode (a mask is one level deep).
/// </summary>
internal static class MaskReader
{
    public static LayerMask? Read(ObjectReader reader, Func<ObjectReader, Layer?> readLayer)
    {
        if (reader.Object("mask") is not { } mask)
        {
            return null;
        }

        var channel = mask.Choice("channel", "luma", "luma", "alpha") == "alpha" ? MaskChannel.Alpha : MaskChannel.Luma;
        var invert = mask.Boolean("invert", false);
        var source = mask.Object("layer") is { } layer ? readLayer(layer) : null;
        if (!mask.Has("layer"))
        {
            mask.Error("layer", "is required: the visual layer whose luma or alpha shows the masked layer.");
        }

        mask.RejectUnknownMembers();
        switch (source)
        {
            case AudioLayer or SceneRefLayer:
                mask.Error("layer", "must be a visual layer (solid, shape, text, image, video or sceneview).");
                return null;
            case { Look.Mask: not null }:
                mask.Error("layer.mask", "is not allowed: a mask layer cannot have a mask of its own.");
                return null;
            case { Look.Blend: not BlendMode.Normal }:
                mask.Error("layer.blend", "is not allowed on a mask layer.");
                return null;
            case null:
                return null;
            default:
                return new LayerMask(source, channel, invert);
        }
    }
}
