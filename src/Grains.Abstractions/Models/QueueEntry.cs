namespace Orleans.Render.Models;

/// <summary>An output of a token waiting for (or holding, since <see cref="AdmittedAt"/>) a render slot of its pool, and the project it counts against.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.QueueEntry")]
public sealed record QueueEntry(
    [property: Id(0)] string Token,
    [property: Id(1)] string Output,
    [property: Id(2)] string Project,
    [property: Id(3)] DateTimeOffset EnqueuedAt,
    [property: Id(4)] DateTimeOffset? AdmittedAt = null);
