namespace Orleans.Render.Storage;

/// <summary>Bound from the <c>Media</c> configuration section; checked by <see cref="MediaStoreOptionsValidator"/>.</summary>
public sealed class MediaStoreOptions
{
    public const string Section = "Media";
    public const string FileSystem = "FileSystem";
    public const string AzureBlob = "AzureBlob";

    /// <summary>Which store to use: <c>FileSystem</c> (default) or <c>AzureBlob</c>.</summary>
    public string Provider { get; set; } = FileSystem;

    /// <summary>The folder of the file-system store. Every silo and the API must see the same folder.</summary>
    public string Root { get; set; } = "";

    /// <summary>The storage account of the Azure Blob store (<c>UseDevelopmentStorage=true</c> for a local Azurite).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The blob container of the Azure Blob store, created at first use.</summary>
    public string Container { get; set; } = "media";
}
