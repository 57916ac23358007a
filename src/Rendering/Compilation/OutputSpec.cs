using Orleans.Render.Conventions;
namespace Orleans.Render.Rendering.Compilation;

/// <summary>What to produce: a format, and for stills the frame and JPEG quality (10–99).</summary>
public sealed record OutputSpec(OutputFormat Format, int Frame = 0, int Quality = 85)
{
    /// <summary>A stable name for this output, used as its storage key and cache identity: <c>mp4</c>, <c>jpg-f25-q80</c>.</summary>
    public string Key => Format switch
    {
        OutputFormat.Jpg => $"jpg-f{Frame}-q{Quality}",
        _ when Format.IsStill() => $"{Format.Extension()}-f{Frame}",
        _ => Format.Extension(),
    };
}
