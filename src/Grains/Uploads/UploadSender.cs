using Microsoft.Extensions.Options;
using Orleans.Render.Conventions.Credentials;
using Orleans.Render.Models;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// One attempt of an upload: the token's output, rendered (or found) by its job, sent with the destination's uploader,
/// whose resumable session is saved in the upload's state whenever it changes.
/// </summary>
public sealed class UploadSender(IMediaStore media, Uploaders uploaders, IOptions<ServerCredentialsOptions> credentials)
{
    /// <summary>
    /// The destination's answer. Throws <see cref="UploadFailedException"/> when the render failed (its error kept in
    /// the state), and a permanent one before rendering anything when the destination's type has no uploader or asks for
    /// a server-held credential its project is not granted.
    /// </summary>
    public async Task<string> SendAsync(UploadState state, IRenderJobGrain job, Func<Task> save, CancellationToken cancellationToken)
    {
        var upload = state.Job!;
        var uploader = uploaders.For(upload.Task.Destination);
        if (upload.Task.Destination.RefusedField(upload.Project, credentials.Value) is { } field)
        {
            throw new UploadFailedException($"'{field}' asks for credentials the server holds, which project '{upload.Project}' may not use here.", permanent: true);
        }

        var request = new OutputRequest(upload.Task.Extension, PosterFrame: true);
        var output = await job.RenderAsync(request);
        // A render still waiting in its pool's queue is no failed attempt: the upload waits as long as the queue does.
        while (output.Status == OutputStatus.Queued)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output = await job.RenderAsync(request);
        }

        if (output.Status != OutputStatus.Done)
        {
            // Kept so a sync request answers the render's own error (a 422 for bad params), not a failed upload.
            (state.RenderError, state.IsRenderInputError) = (output.ErrorCode ?? "render_failed", output.IsInputError);
            throw new UploadFailedException($"The render failed ({output.ErrorCode}): {output.Message}", permanent: output.IsInputError);
        }

        await using var content = await media.OpenReadAsync(output.MediaKey!, cancellationToken);
        var source = new UploadSource(content, content.Length, output.ContentType, $"{upload.Token}.{upload.Task.Extension}", upload.Key);
        var session = new UploadSession(state.Session, async value =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.Session = value;
            await save();
        });
        return await uploader.UploadAsync(upload.Task.Destination, source, session, cancellationToken);
    }
}
