namespace Orleans.Render.Models.Uploads;

/// <summary>
/// The <c>destination.type</c>s of an upload task: the API reads exactly these, and a silo must have an uploader for
/// each (checked at start-up).
/// </summary>
public static class UploadDestinationTypes
{
    public const string S3 = "s3";
    public const string AzureBlob = "azureblob";
    public const string Http = "http";
    public const string YouTube = "youtube";
    public const string Facebook = "facebook";
    public const string Dropbox = "dropbox";

    public static IReadOnlyList<string> All { get; } = [S3, AzureBlob, Http, YouTube, Facebook, Dropbox];

    /// <summary>The types as a sentence: "s3, azureblob, http, youtube, facebook or dropbox".</summary>
    public static string Listed { get; } = $"{string.Join(", ", All.SkipLast(1))} or {All[^1]}";
}
