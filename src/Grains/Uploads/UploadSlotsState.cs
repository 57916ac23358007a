namespace Orleans.Render.Grains.Uploads;

[GenerateSerializer, Alias("render.v1.UploadSlotsState")]
public sealed class UploadSlotsState
{
    /// <summary>Upload grain keys holding a slot.</summary>
    [Id(0)] public List<string> Holders { get; set; } = [];

    /// <summary>Upload grain keys waiting, first come first served.</summary>
    [Id(1)] public List<string> Waiting { get; set; } = [];
}
