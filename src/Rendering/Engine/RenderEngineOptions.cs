using System.ComponentModel.DataAnnotations;
using Orleans.Render.Rendering.Compilation;

namespace Orleans.Render.Rendering.Engine;

/// <summary>Bound from the <c>Render:Engine</c> configuration section.</summary>
public sealed class RenderEngineOptions
{
    public const string Section = "Render:Engine";

    /// <summary>The ffmpeg binary: a name on PATH or an absolute path.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Scratch space for prepared images and outputs before they reach the media store.</summary>
    [Required]
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "orleans-render");

    /// <summary>
    /// How many ffmpeg processes this process runs at once; more wait for a free slot. 0 means one per core: more
    /// processes than cores only slow every render down and starve the silo's own threads.
    /// </summary>
    [Range(0, 256)]
    public int MaxConcurrentProcesses { get; set; }

    public int ProcessSlots => MaxConcurrentProcesses > 0 ? MaxConcurrentProcesses : Environment.ProcessorCount;

    /// <summary>
    /// How many CPU-heavy preparation steps (text layout, rasterising, image normalising, movie binding) run at once
    /// (<see cref="CpuWork"/>). 0 means all cores but one (at least one), which leaves a core for grain calls.
    /// </summary>
    [Range(0, 256)]
    public int MaxPreparationWorkers { get; set; }

    public int PreparationWorkers => MaxPreparationWorkers > 0 ? MaxPreparationWorkers : Math.Max(1, Environment.ProcessorCount - 1);

    public EncoderSettings Encoder { get; set; } = new();
}
