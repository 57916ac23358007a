namespace Orleans.Render.Rendering.Media;

public enum ImageFit
{
    /// <summary>Fill the box and crop the overflow around the centre.</summary>
    Cover,

    /// <summary>Fit inside the box and pad with transparency.</summary>
    Contain,

    /// <summary>Scale each axis independently to the box.</summary>
    Stretch,
}
