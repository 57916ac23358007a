namespace Orleans.Render.Models.Uploads;

/// <summary>A Facebook video on a page or user (<see cref="Target"/>, default <c>me</c>), uploaded with the Graph API's resumable video upload.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.FacebookDestination")]
public sealed record FacebookDestination(
    [property: Id(0)] string? AccessToken,
    [property: Id(1)] string Target,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? Caption,
    [property: Id(5)] string? Name) : UploadDestination
{
    public override string Type => UploadDestinationTypes.Facebook;

    public override UploadDestination WithoutCredentials() => this with { AccessToken = null };
}
