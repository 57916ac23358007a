namespace Orleans.Render.Models.Uploads;

/// <summary>An S3 (or S3-compatible) object; the fields of impossible.io's <c>s3</c> destination.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.S3Destination")]
public sealed record S3Destination(
    [property: Id(0)] string Bucket,
    [property: Id(1)] string Filename,
    [property: Id(2)] string? AccessKeyId,
    [property: Id(3)] string? SecretAccessKey,
    [property: Id(4)] bool UsePolicy,
    [property: Id(5)] string? Host,
    [property: Id(6)] bool Secure,
    [property: Id(7)] string ContentType,
    [property: Id(8)] string? ContentDisposition,
    [property: Id(9)] string Acl,
    [property: Id(10)] bool ReducedRedundancy,
    [property: Id(11)] string? CacheControl,
    [property: Id(12)] IReadOnlyDictionary<string, string> Metadata,
    [property: Id(13)] string? Region) : UploadDestination
{
    public override string Type => UploadDestinationTypes.S3;

    public override UploadDestination WithoutCredentials() => this with { AccessKeyId = null, SecretAccessKey = null };
}
