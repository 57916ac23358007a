namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// The destination's resumable session (a YouTube session URI, an S3 multipart upload id, a Facebook upload session),
/// persisted in the upload's state whenever it changes so that the next attempt, on any silo, resumes it.
/// </summary>
public sealed class UploadSession(string? value, Func<string?, Task> save)
{
    public string? Value { get; private set; } = value;

    public async Task SaveAsync(string? value)
    {
        if (value != Value)
        {
            Value = value;
            await save(value);
        }
    }
}
