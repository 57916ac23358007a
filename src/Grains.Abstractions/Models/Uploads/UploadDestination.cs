namespace Orleans.Render.Models.Uploads;

/// <summary>Where an upload task sends its output: one subtype per destination <c>type</c>.</summary>
[GenerateSerializer, Immutable, Alias("render.v1.UploadDestination")]
public abstract record UploadDestination
{
    /// <summary>The <c>destination.type</c> of the request, one of <see cref="UploadDestinationTypes.All"/>.</summary>
    public abstract string Type { get; }

    /// <summary>The same destination with every secret (keys, tokens, auth headers) removed, kept once the upload has ended.</summary>
    public abstract UploadDestination WithoutCredentials();
}
