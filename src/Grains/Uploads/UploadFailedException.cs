namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// An attempt failed. <see cref="Permanent"/> when another attempt cannot help (the destination refused the
/// credentials or the request, the address is not allowed, the render failed on the caller's input, no uploader).
/// </summary>
public sealed class UploadFailedException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    /// <summary>4xx answers are the caller's problem except timeouts, conflicts and rate limits, which may pass.</summary>
    public static bool IsPermanentStatus(int status) => status is >= 400 and < 500 and not (408 or 409 or 425 or 429);
}
