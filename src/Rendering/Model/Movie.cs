namespace Orleans.Render.Rendering.Model;

/// <summary>
/// A dynamic movie as authored (format v1): string fields may still hold <c>${…}</c> variables.
/// <see cref="Binding.MovieBinder"/> turns it plus params into a <see cref="Timeline"/>.
/// </summary>
public sealed record Movie(int Width, int Height, FrameRate Fps, string Background, IReadOnlyList<Scene> Scenes)
{
    /// <summary>Default font family of text layers that name none; null means DejaVu Sans.</summary>
    public string? Font { get; init; }

    /// <summary>The movie-wide music track, if any.</summary>
    public MovieAudio? Audio { get; init; }

    /// <summary>The frame a still (<c>.jpg</c>, <c>.png</c>) shows when the request names none.</summary>
    public int PosterFrame { get; init; }

    /// <summary>The encoder choices of the movie's <c>output</c> block.</summary>
    public OutputSettings Output { get; init; } = OutputSettings.Default;

    /// <summary>Scenes defined once, by <c>id</c>, shown only through scene views (<see cref="SceneViewLayer"/>).</summary>
    public IReadOnlyList<Scene> SceneDefinitions { get; init; } = [];
}

/// <summary>Where a layer sits inside its scene, in seconds; <c>Duration</c> null means "until the scene ends".</summary>
public sealed record LayerTiming(double Start, double? Duration, double FadeIn, double FadeOut);

/// <summary>A layer's box in pixels; a null size means "the whole frame".</summary>
public sealed record LayerBox(int X, int Y, int? Width, int? Height);

public abstract record Layer(LayerBox Box, LayerTiming Timing)
{
    public LayerLook Look { get; init; } = LayerLook.Default;

    /// <summary>Numeric fields written as strings with variables (e.g. <c>"x": "${left, 40}"</c>), by field name; bound to numbers per render.</summary>
    public IReadOnlyDictionary<string, string> NumberTemplates { get; init; } = new Dictionary<string, string>();
}

public sealed record SolidLayer(LayerBox Box, LayerTiming Timing, string Color) : Layer(Box, Timing);

public sealed record TextLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Text,
    double FontSize,
    string Color,
    string Align,
    string VerticalAlign,
    string? Font) : Layer(Box, Timing)
{
    public TextStyleTemplate Style { get; init; } = TextStyleTemplate.Default;
}

public sealed record ImageLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Url,
    string Fit) : Layer(Box, Timing);

/// <summary>A rectangle (optionally with rounded corners) or an ellipse filling the layer's box; colours may hold variables.</summary>
public sealed record ShapeLayer(
    LayerBox Box,
    LayerTiming Timing,
    string Shape,
    string Fill,
    string? Stroke,
    double StrokeWidth,
    double CornerRadius) : Layer(Box, Timing)
{
    /// <summary>A vector outline instead of <c>Shape</c>: canonical path data in box pixels (see <see cref="Shapes.SvgPathData"/>).</summary>
    public string? Path { get; init; }
}
