namespace Orleans.Render.Models;

/// <summary>One output of a token: an extension, and for stills the frame and JPEG quality.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.OutputRequest")]
public sealed record OutputRequest(
    [property: Id(0)] string Extension,
    [property: Id(1)] int Frame = 0,
    [property: Id(2)] int Quality = 85);
