namespace Orleans.Render.Models;

/// <summary>The queue's answer: admitted now, queued at a position, or refused with a reason (its project's queue is full).</summary>
[GenerateSerializer, Immutable, Alias("render.v1.QueueTicket")]
public sealed record QueueTicket(
    [property: Id(0)] bool Admitted,
    [property: Id(1)] int Position,
    [property: Id(2)] string? ErrorCode = null,
    [property: Id(3)] string? Message = null)
{
    public bool Refused => ErrorCode is not null;
}
