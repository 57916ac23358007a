namespace Orleans.Render.Grains;

/// <summary>The grain storage provider every grain here persists to; the silo decides what backs it.</summary>
public static class GrainStorage
{
    public const string Name = "render";
}
