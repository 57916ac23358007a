using Orleans.Render.Rendering.Model;
using static Orleans.Render.Rendering.Compilation.GraphBuilder;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The filters that change a layer's own pixels (<see cref="LayerFilter"/>), in the author's order, as a chain fragment
/// (each starts with a comma) run on the layer's box before it is transformed and faded. <see cref="LayerSource"/>
/// puts it where it runs least often: on the single frame of a still before it is looped, on a video after it is
/// fitted and before its final pixel format. Which filter does what was measured (<c>bench/effect-filters.sh</c>,
/// docs/benchmarks.md): <c>eq</c> for saturation, brightness and contrast and <c>gblur</c> for blur work on yuv(a)420p in
/// place; <c>vignette</c> keeps yuv420p but not yuva420p, and <c>lut3d</c> works in RGB, so after either a still's
/// chain returns to yuva420p. Every number is the parsed, range-checked value; a LUT is the checked file the
/// engine wrote into the work folder under its own name.
/// </summary>
public static class LayerEffects
{
    /// <summary>
    /// The fragment for <paramref name="layer"/>'s filters. <paramref name="withAlpha"/>: the frame is yuva420p (a still)
    /// and the fragment returns it as yuva420p; otherwise it is a video's frame before its final <c>format</c>.
    /// </summary>
    public static string Chain(GraphBuilder graph, TimelineLayer layer, bool withAlpha)
    {
        var chain = "";
        var converted = false;
        var eq = new EqSettings();
        foreach (var filter in layer.Filters)
        {
            if (eq.Take(filter))
            {
                continue;
            }

            chain += eq.Flush() + filter switch
            {
                SaturationFilter or BrightnessFilter or ContrastFilter => eq.Start(filter),
                BlurFilter blur => Blur(blur.Radius, withAlpha),
                VignetteFilter vignette => Invariant($",vignette=angle={Number(vignette.Strength * Math.PI / 2)}"),
                GlowFilter glow => withAlpha ? Halo(graph, glow) : Glow(graph, glow),
                LutFilter lut => Invariant($",lut3d=file={LutFile(graph, lut)}:interp=tetrahedral"),
                _ => throw new NotSupportedException($"Filter {filter.GetType().Name} has no compiler."),
            };
            converted |= filter is VignetteFilter or LutFilter;
        }

        chain += eq.Flush();
        return converted && withAlpha ? chain + ",format=yuva420p" : chain;
    }

    /// <summary>
    /// The settings of one <c>eq</c> being written. A setting joins it when the two work on different planes (saturation
    /// on chroma, brightness or contrast on luma): one pass over the frame instead of two, with the same result. A second
    /// luma setting starts another <c>eq</c>, because one <c>eq</c> applies contrast before brightness and clips once.
    /// </summary>
    private sealed class EqSettings
    {
        private readonly List<string> settings = [];
        private bool saturation;
        private bool luma;

        /// <summary>Adds <paramref name="filter"/> to the open <c>eq</c> when it fits there.</summary>
        public bool Take(LayerFilter filter)
        {
            var fits = settings.Count > 0 && filter switch
            {
                SaturationFilter => !saturation,
                BrightnessFilter or ContrastFilter => !luma,
                _ => false,
            };
            if (fits)
            {
                Add(filter);
            }

            return fits;
        }

        /// <summary>Opens a new <c>eq</c> with <paramref name="filter"/>; its text comes with <see cref="Flush"/>.</summary>
        public string Start(LayerFilter filter)
        {
            Add(filter);
            return "";
        }

        /// <summary>The open <c>eq</c>, if any, as a chain fragment with its settings in the author's order; closes it.</summary>
        public string Flush()
        {
            var text = settings.Count == 0 ? "" : ",eq=" + string.Join(":", settings);
            settings.Clear();
            (saturation, luma) = (false, false);
            return text;
        }

        private void Add(LayerFilter filter)
        {
            settings.Add(Setting(filter));
            saturation |= filter is SaturationFilter;
            luma |= filter is BrightnessFilter or ContrastFilter;
        }

        private static string Setting(LayerFilter filter) => filter switch
        {
            SaturationFilter saturation => Invariant($"saturation={Number(saturation.Value)}"),
            BrightnessFilter brightness => Invariant($"brightness={Number(brightness.Value)}"),
            ContrastFilter contrast => Invariant($"contrast={Number(contrast.Value)}"),
            _ => throw new ArgumentOutOfRangeException(nameof(filter)),
        };
    }

    /// <summary>
    /// <c>gblur</c> with sigma half the radius. A frame with alpha is blurred premultiplied, so the colour of its
    /// transparent pixels (black, in a prepared PNG) does not bleed into the soft edge.
    /// </summary>
    private static string Blur(double radius, bool withAlpha) => withAlpha
        ? Invariant($",premultiply=inplace=1,gblur=sigma={Number(radius / 2)},unpremultiply=inplace=1")
        : Invariant($",gblur=sigma={Number(radius / 2)}");

    /// <summary>
    /// Glow around a layer with transparency: the layer laid over a blurred copy of itself whose alpha is raised by the
    /// strength, so its light spreads into the transparent space around it in its own colours.
    /// </summary>
    private static string Halo(GraphBuilder graph, GlowFilter glow)
    {
        var (sharp, soft, halo) = (graph.NewLabel("gs"), graph.NewLabel("gb"), graph.NewLabel("gh"));
        return $",split[{sharp}][{soft}];[{soft}]{Blur(glow.Radius, withAlpha: true)[1..]},lutyuv=a='min(255,val*{Number(2 * glow.Strength)})'[{halo}];"
            + $"[{halo}][{sharp}]overlay=format=yuv420";
    }

    /// <summary>Glow on an opaque video: a blurred copy's light (luma above black, times the strength) screened onto the luma.</summary>
    private static string Glow(GraphBuilder graph, GlowFilter glow)
    {
        var (sharp, soft, halo) = (graph.NewLabel("gs"), graph.NewLabel("gb"), graph.NewLabel("gh"));
        return $",split[{sharp}][{soft}];[{soft}]gblur=sigma={Number(glow.Radius / 2)},lutyuv=y='max(val-16,0)*{Number(glow.Strength)}'[{halo}];"
            + $"[{sharp}][{halo}]blend=c0_mode=screen:c1_mode=normal:c1_opacity=1:c2_mode=normal:c2_opacity=1";
    }

    /// <summary>The prepared LUT's file name; ffmpeg runs in the work folder, so no directory reaches the graph.</summary>
    private static string LutFile(GraphBuilder graph, LutFilter lut)
    {
        var name = Path.GetFileName(graph.Media[lut.Source].Path);
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? name
            : throw new InvalidOperationException($"The prepared LUT '{name}' has a name the filter graph cannot carry.");
    }

    private static string Number(double value) => CurveExpression.Number(value);
}
