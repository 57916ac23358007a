using Orleans.Render.Models;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Planning;
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains.State;

/// <summary>One output of a job as last recorded; a failure keeps its code and reason.</summary>
[GenerateSerializer, Alias("render.v1.OutputState")]
public sealed class OutputState
{
    [Id(0)] public OutputStatus Status { get; set; }

    [Id(1)] public string? MediaKey { get; set; }

    [Id(2)] public string ContentType { get; set; } = "";

    [Id(3)] public int TotalFrames { get; set; }

    [Id(4)] public string? ErrorCode { get; set; }

    [Id(5)] public string? Message { get; set; }

    [Id(6)] public bool IsInputError { get; set; }

    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What was asked for, so the watchdog can resume the output without a client request.</summary>
    [Id(8)] public OutputRequest? Request { get; set; }

    [Id(9)] public List<SegmentState> Segments { get; set; } = [];

    /// <summary>How many of the output's units came from the segment store rather than a render.</summary>
    [Id(10)] public int Reused { get; set; }

    public OutputResult ToResult() => new(Status, MediaKey, ContentType, ErrorCode, Message, IsInputError);

    /// <summary>Progress as recorded: every frame once done, else the frames of the segments done.</summary>
    public RenderProgress Progress() =>
        new(Status == OutputStatus.Done ? TotalFrames : Segments.Where(s => s.Status == OutputStatus.Done).Sum(s => s.EndFrame - s.StartFrame),
            TotalFrames, Status, 0, Reused);

    public List<SegmentInfo> SegmentInfos() =>
        [.. Segments.Select((s, i) => new SegmentInfo(i, s.StartFrame, s.EndFrame, s.Status, s.Attempts, s.Silo, s.LastError))];

    /// <summary>A new output waiting for its slot, with the plan's segments still to do.</summary>
    public static OutputState Planned(OutputRequest request, OutputSpec spec, RenderPlan plan) => new()
    {
        Status = OutputStatus.Queued,
        ContentType = spec.Format.ContentType(),
        TotalFrames = plan.Range.Count,
        Request = request,
        Segments = [.. plan.Segments.Select(s => new SegmentState
        {
            StartFrame = s.Range.Start,
            EndFrame = s.Range.End,
            Status = OutputStatus.Pending,
            Unit = s.Unit,
        })],
    };

    /// <summary>Done, or failed with the failure's code, reason and whose fault it was.</summary>
    public void Finish(OutputSpec spec, SegmentResult? failure)
    {
        ContentType = spec.Format.ContentType();
        Status = failure is null ? OutputStatus.Done : OutputStatus.Failed;
        if (failure is not null)
        {
            (ErrorCode, Message, IsInputError) = (failure.ErrorCode, failure.Message, failure.IsInputError);
        }
    }
}
