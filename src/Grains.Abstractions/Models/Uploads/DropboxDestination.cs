namespace Orleans.Render.Models.Uploads;

/// <summary>A file in a Dropbox account, written with overwrite semantics at <see cref="Path"/> (impossible.io's <c>filename</c>).</summary>
[GenerateSerializer, Immutable, Alias("render.v1.DropboxDestination")]
public sealed record DropboxDestination(
    [property: Id(0)] string? AccessToken,
    [property: Id(1)] string Path) : UploadDestination
{
    public override string Type => UploadDestinationTypes.Dropbox;

    public override UploadDestination WithoutCredentials() => this with { AccessToken = null };
}
