using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Writes the file with Dropbox's content API in <c>overwrite</c> mode, so a repeat replaces rather than duplicates.
/// Files larger than one chunk go through an upload session (<c>start</c>, <c>append_v2</c>, <c>finish</c>) whose id
/// and confirmed offset are the upload's session, so an attempt after a crash appends from there.
/// </summary>
public sealed class DropboxUploader(UploadHttp http, IOptions<UploadOptions> options) : IUploader
{
    public string Type => UploadDestinationTypes.Dropbox;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var dropbox = (DropboxDestination)destination;
        var commit = new { path = dropbox.Path, mode = "overwrite", mute = true };
        var chunkSize = options.Value.DropboxChunkSize;
        if (source.Length <= chunkSize)
        {
            return PathOf(await PostAsync(dropbox, "files/upload", commit, source, 0, (int)source.Length, cancellationToken));
        }

        var (sessionId, offset) = Parse(session.Value);
        if (sessionId is null)
        {
            var started = await PostAsync(dropbox, "files/upload_session/start", new { close = false }, source, 0, chunkSize, cancellationToken);
            (sessionId, offset) = (started.GetProperty("session_id").GetString()!, chunkSize);
            await session.SaveAsync($"{sessionId} {offset.ToString(CultureInfo.InvariantCulture)}");
        }

        while (source.Length - offset > chunkSize)
        {
            await PostAsync(dropbox, "files/upload_session/append_v2", new { cursor = new { session_id = sessionId, offset }, close = false }, source, offset, chunkSize, cancellationToken);
            offset += chunkSize;
            await session.SaveAsync($"{sessionId} {offset.ToString(CultureInfo.InvariantCulture)}");
        }

        var finished = await PostAsync(
            dropbox, "files/upload_session/finish", new { cursor = new { session_id = sessionId, offset }, commit }, source, offset, (int)(source.Length - offset), cancellationToken);
        await session.SaveAsync(null);
        return PathOf(finished);
    }

    private async Task<JsonElement> PostAsync(
        DropboxDestination dropbox, string endpoint, object argument, UploadSource source, long offset, int size, CancellationToken cancellationToken)
    {
        var bytes = new byte[size];
        source.Content.Position = offset;
        await source.Content.ReadExactlyAsync(bytes, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.Value.DropboxBaseUrl.TrimEnd('/')}/2/{endpoint}")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", dropbox.AccessToken);
        request.Headers.Add("Dropbox-API-Arg", JsonSerializer.Serialize(argument));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.Client.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            var reason = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new UploadFailedException(
                $"Dropbox answered HTTP {status} to {endpoint}{(reason.Length is > 0 and < 300 ? $": {reason}" : "")}.", UploadFailedException.IsPermanentStatus(status));
        }

        return response.Content.Headers.ContentLength == 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static string PathOf(JsonElement file) =>
        file.ValueKind == JsonValueKind.Object && file.TryGetProperty("path_display", out var path) ? path.GetString()!
        : throw new UploadFailedException("Dropbox stored the file without telling its path.", permanent: false);

    private static (string? SessionId, long Offset) Parse(string? session)
    {
        var parts = session?.Split(' ');
        return parts is { Length: 2 } ? (parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)) : (null, 0);
    }
}
