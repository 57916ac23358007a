namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// The rendered output an attempt sends: a seekable stream from the media store, its length and content type, the
/// file name to offer, and the upload's key (an idempotency key for receivers that want one).
/// </summary>
public sealed record UploadSource(Stream Content, long Length, string ContentType, string FileName, string UploadKey);
