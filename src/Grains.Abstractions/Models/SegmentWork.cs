namespace Orleans.Render.Models;

/// <summary>
/// One frame range of one output for a <c>SegmentRendererGrain</c>: the movie document, the params, the output and
/// the media key the result must be stored under, the project whose assets the movie may name, and the lengths of the
/// media its <c>"auto"</c> scenes last for (read once by the job so every segment binds the same frames).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.SegmentWork")]
public sealed record SegmentWork(
    [property: Id(0)] string Token,
    [property: Id(1)] string OutputKey,
    [property: Id(2)] string MovieJson,
    [property: Id(3)] IReadOnlyDictionary<string, string> Params,
    [property: Id(4)] OutputRequest Output,
    [property: Id(5)] int StartFrame,
    [property: Id(6)] int EndFrame,
    [property: Id(7)] string MediaKey,
    [property: Id(8)] string Project,
    [property: Id(9)] IReadOnlyDictionary<string, double> MediaSeconds);
