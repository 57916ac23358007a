namespace Orleans.Render.Models.Uploads;

/// <summary>
/// A blob in an Azure Storage container. Credentials are a connection string, or the account with its shared key or a
/// SAS token. <see cref="Blob"/> is impossible.io's <c>key</c> field (the blob name).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.AzureBlobDestination")]
public sealed record AzureBlobDestination(
    [property: Id(0)] string? Account,
    [property: Id(1)] string Container,
    [property: Id(2)] string Blob,
    [property: Id(3)] string? AccountKey,
    [property: Id(4)] string? SasToken,
    [property: Id(5)] string? ConnectionString,
    [property: Id(6)] string? ContentType) : UploadDestination
{
    public override string Type => UploadDestinationTypes.AzureBlob;

    public override UploadDestination WithoutCredentials() => this with { AccountKey = null, SasToken = null, ConnectionString = null };
}
