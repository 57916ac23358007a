namespace Orleans.Render.Models.Uploads;

/// <summary>A YouTube video, uploaded with the resumable upload protocol; the fields of impossible.io's <c>youtube</c> destination.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.YouTubeDestination")]
public sealed record YouTubeDestination(
    [property: Id(0)] string? AccessToken,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] string Category,
    [property: Id(4)] string Status,
    [property: Id(5)] IReadOnlyList<string> Tags,
    [property: Id(6)] string? PlaylistId,
    [property: Id(7)] bool NotifySubscribers,
    [property: Id(8)] string MimeType) : UploadDestination
{
    public override string Type => UploadDestinationTypes.YouTube;

    public override UploadDestination WithoutCredentials() => this with { AccessToken = null };
}
