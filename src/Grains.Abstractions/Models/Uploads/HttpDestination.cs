namespace Orleans.Render.Models.Uploads;

/// <summary>Any HTTP server: the output as the body of a <c>PUT</c>, or as the file field of a multipart <c>POST</c>.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.HttpDestination")]
public sealed record HttpDestination(
    [property: Id(0)] string Url,
    [property: Id(1)] string Method,
    [property: Id(2)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(3)] string Field,
    [property: Id(4)] string? Filename,
    [property: Id(5)] string? ContentType) : UploadDestination
{
    public override string Type => UploadDestinationTypes.Http;

    /// <summary>Headers (<c>Authorization</c>, API keys) and the query (a presigned URL's signature) may be credentials: neither is kept.</summary>
    public override UploadDestination WithoutCredentials() =>
        this with { Url = Url.Split('?', 2)[0], Headers = new Dictionary<string, string>() };
}
