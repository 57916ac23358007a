namespace Orleans.Render.Api.Http.Uploads;

/// <summary>
/// An upload task field is wrong; the message names its path and never echoes a secret. <see cref="Code"/> is
/// <c>invalid_upload</c>, or <c>url_refused</c> for a destination or callback the address policy refuses.
/// </summary>
internal sealed class InvalidUploadException(string message, string code = InvalidUploadException.InvalidUpload) : Exception(message)
{
    public const string InvalidUpload = "invalid_upload";
    public const string UrlRefused = "url_refused";

    public string Code { get; } = code;
}
