namespace Orleans.Render.Conventions;

/// <summary>The retrieval modes of <c>GET /v2/{mode}/{token}.{ext}</c> a format is served in (impossible.io's matrix).</summary>
[Flags]
public enum DeliveryMode
{
    /// <summary>The whole file once rendered.</summary>
    Render = 1,

    /// <summary>Progressive download.</summary>
    Get = 2,

    /// <summary>Streaming, paced to the viewer.</summary>
    Play = 4,
}
