namespace Orleans.Render.Models;

/// <summary>
/// One output of a token: an extension, and for stills the frame and JPEG quality. <c>PosterFrame</c> asks for the
/// movie's <c>posterFrame</c> instead of <c>Frame</c> (a still requested without a frame).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.OutputRequest")]
public sealed record OutputRequest(
    [property: Id(0)] string Extension,
    [property: Id(1)] int Frame = 0,
    [property: Id(2)] int Quality = 85,
    [property: Id(3)] bool PosterFrame = false);
