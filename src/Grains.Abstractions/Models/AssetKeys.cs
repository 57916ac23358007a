namespace Orleans.Render.Models;

/// <summary>Where a project's assets live in the media store (the API streams them, the silo writes and reads them).</summary>
public static class AssetKeys
{
    public static string Prefix(string project) => $"assets/{project}/";

    public static string For(string project, string name) => Prefix(project) + name;
}
