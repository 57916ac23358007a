using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>Reads the fields of one <c>destination.type</c> into its record; the API-side twin of the silo's <c>IUploader</c> for that type.</summary>
internal interface IDestinationReader
{
    string Type { get; }

    /// <summary>The destination, or an <see cref="InvalidUploadException"/> naming the wrong field. <paramref name="extension"/> is the task's output.</summary>
    UploadDestination Read(UploadFields fields, string extension);
}
