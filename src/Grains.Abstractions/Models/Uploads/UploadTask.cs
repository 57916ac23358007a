namespace Orleans.Render.Models.Uploads;

/// <summary>
/// One entry of a render request's <c>upload</c>: the output to render (its extension also picks the movie from the
/// movie map), where to send it, whether the request waits for it, the URLs told how it ended and how they are called.
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.UploadTask")]
public sealed record UploadTask(
    [property: Id(0)] string Extension,
    [property: Id(1)] UploadDestination Destination,
    [property: Id(2)] bool Async,
    [property: Id(3)] string? OnSuccess,
    [property: Id(4)] string? OnError,
    [property: Id(5)] CallbackMethod CallbackMethod = CallbackMethod.Get);
