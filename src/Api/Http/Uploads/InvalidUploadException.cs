namespace Orleans.Render.Api.Http.Uploads;

/// <summary>An upload task field is wrong; the message names its path and never echoes a secret.</summary>
internal sealed class InvalidUploadException(string message) : Exception(message);
