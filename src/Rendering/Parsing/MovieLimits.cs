namespace Orleans.Render.Rendering.Parsing;

/// <summary>Bounds on what one movie may ask for, so a template cannot make a render unbounded.</summary>
public static class MovieLimits
{
    public const int MinSize = 16;
    public const int MaxSize = 3840;
    public const int MaxFps = 60;
    public const double MaxMovieSeconds = 600;
    public const int MaxScenes = 200;

    /// <summary>How deep scenes may nest (a choice's default that is itself a choice, …); the top-level scenes are level 1.</summary>
    public const int MaxSceneDepth = 16;

    /// <summary>How deep a movie document may nest: JSON objects and arrays, or XML elements.</summary>
    public const int MaxDocumentDepth = 32;

    /// <summary>The furthest in-point into a video or audio source, in seconds.</summary>
    public const double MaxMediaSeconds = 86_400;
    public const int MaxLayersPerScene = 64;
    public const int MaxStringLength = 10_000;
    public const double MaxFontSize = 1000;

    /// <summary>Scenes a movie may define once for its views (<c>sceneDefinitions</c>), and scenes one view may show.</summary>
    public const int MaxSceneDefinitions = 50;
    public const int MaxViewedScenes = 20;

    /// <summary>How deep views may show views (a view of a scene that holds a view is two levels).</summary>
    public const int MaxViewDepth = 4;

    /// <summary>The most layers (each viewed scene's background counting as one) the views of one movie may add once every view is expanded, so reuse cannot explode a render.</summary>
    public const int MaxViewLayers = 1000;
}
