using Orleans.Render.Conventions;
namespace Orleans.Render.Models;

/// <summary>
/// One render unit's work. <see cref="SegmentKind.Frames"/>: frames <c>[StartFrame, EndFrame)</c> of the movie document
/// bound with the params and the media lengths the job read once (<see cref="MediaSeconds"/>, so every segment binds
/// the same frames); <see cref="SegmentKind.Sound"/>: the whole movie's sound; <see cref="SegmentKind.Join"/>: the
/// stored <see cref="Pieces"/> joined with the stored <see cref="SoundKey"/>; <see cref="SegmentKind.Piece"/>: frames
/// <c>[StartFrame, EndFrame)</c> as a stream piece with its slice of the stored <see cref="SoundKey"/>, ahead of other
/// work on its silo when <see cref="Urgent"/> (a viewer waits for it). <see cref="Pool"/> is where it may run,
/// <see cref="Index"/> spreads a job's units over the pool's silos, and <see cref="Token"/>/<see cref="OutputKey"/> say
/// which job hears its progress. <see cref="MediaKey"/> is filled in by the unit grain: where the result is stored.
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
    [property: Id(9)] IReadOnlyDictionary<string, double> MediaSeconds,
    [property: Id(10)] SegmentKind Kind = SegmentKind.Frames,
    [property: Id(11)] string Pool = ClusterDefaults.Pool,
    [property: Id(12)] int Index = 0,
    [property: Id(13)] IReadOnlyList<string>? Pieces = null,
    [property: Id(14)] string? SoundKey = null,
    [property: Id(15)] bool Urgent = false);
