using Orleans.Render.Conventions.Diagnostics;
using Orleans.Render.Grains.State;
using Orleans.Render.Models;

namespace Orleans.Render.Grains;

/// <summary>An output a job activation is rendering now: its cancellation, its admission by the pool's queue and its live progress.</summary>
public sealed class RunningOutput(string key, string contentType)
{
    /// <summary>The output's key (<c>OutputSpec.Key</c>).</summary>
    public string Key { get; } = key;

    public string ContentType { get; } = contentType;

    public CancellationTokenSource Cancellation { get; } = new();

    public Task<OutputResult> Completion { get; set; } = Task.FromResult<OutputResult>(null!);

    /// <summary>Completed once the pool's queue has given the output a slot.</summary>
    public TaskCompletionSource Admitted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutputStatus Status { get; set; } = OutputStatus.Queued;

    public int TotalFrames { get; set; }

    public int[] SegmentFrames { get; private set; } = [];

    public int Reused { get; set; }

    /// <summary>The render's phases on the job, from planning (it begins when the render does) to giving the slot back.</summary>
    public PhaseTimeline Phases { get; } = Began("plan");

    public int FramesDone => SegmentFrames.Sum();

    /// <summary>Starts the live counts from what the recorded output already has done.</summary>
    public void Track(OutputState output)
    {
        TotalFrames = output.TotalFrames;
        SegmentFrames = [.. output.Segments.Select(s => s.Status == OutputStatus.Done ? s.EndFrame - s.StartFrame : 0)];
    }

    private static PhaseTimeline Began(string phase)
    {
        var phases = new PhaseTimeline();
        phases.Begin(phase);
        return phases;
    }
}
