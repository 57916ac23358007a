using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Uploads to YouTube with the resumable upload protocol. The session URI is the upload's session: an attempt after a
/// failure or a crash asks YouTube how many bytes it has (<c>Content-Range: bytes */N</c>) and sends only the rest,
/// and a session YouTube reports complete yields the existing video instead of a second one. Once the video exists its
/// id replaces the session, so adding it to a playlist never uploads again.
/// </summary>
public sealed class YouTubeUploader(UploadHttp http, IOptions<UploadOptions> options) : IUploader
{
    private const string VideoPrefix = "video:";
    private const int ResumeIncomplete = 308;

    public string Type => UploadDestinationTypes.YouTube;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var youtube = (YouTubeDestination)destination;
        var videoId = session.Value is { } known && known.StartsWith(VideoPrefix, StringComparison.Ordinal)
            ? known[VideoPrefix.Length..]
            : await UploadVideoAsync(youtube, source, session, cancellationToken);
        await session.SaveAsync(VideoPrefix + videoId);
        if (youtube.PlaylistId is not null)
        {
            await AddToPlaylistAsync(youtube, videoId, cancellationToken);
        }

        return videoId;
    }

    private async Task<string> UploadVideoAsync(YouTubeDestination youtube, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        long offset = 0;
        if (session.Value is { } sessionUri)
        {
            var (received, id) = await QueryAsync(youtube, sessionUri, source.Length, cancellationToken);
            if (id is not null)
            {
                return id;
            }

            if (received is null)
            {
                await session.SaveAsync(null);
                throw new UploadFailedException("The YouTube upload session expired; the next attempt starts a new one.", permanent: false);
            }

            offset = received.Value;
        }
        else
        {
            await session.SaveAsync(await StartSessionAsync(youtube, source, cancellationToken));
        }

        var buffer = new byte[Math.Min(options.Value.YouTubeChunkSize, Math.Max(source.Length, 1))];
        while (true)
        {
            var size = (int)Math.Min(buffer.Length, source.Length - offset);
            source.Content.Position = offset;
            await source.Content.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Put, session.Value) { Content = new ByteArrayContent(buffer, 0, size) };
            Authorize(request, youtube);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(youtube.MimeType);
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + size - 1, source.Length);
            using var response = await http.Client.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == ResumeIncomplete)
            {
                offset = NextOffset(response);
                continue;
            }

            await EnsureSuccessAsync(response, "upload", cancellationToken);
            return await VideoIdAsync(response, cancellationToken);
        }
    }

    private async Task<string> StartSessionAsync(YouTubeDestination youtube, UploadSource source, CancellationToken cancellationToken)
    {
        var notify = youtube.NotifySubscribers ? "true" : "false";
        var url = $"{BaseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&notifySubscribers={notify}";
        var metadata = new
        {
            snippet = new { title = youtube.Title, description = youtube.Description, tags = youtube.Tags, categoryId = youtube.Category },
            status = new { privacyStatus = youtube.Status },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(metadata) };
        Authorize(request, youtube);
        request.Headers.Add("X-Upload-Content-Type", youtube.MimeType);
        request.Headers.Add("X-Upload-Content-Length", source.Length.ToString(CultureInfo.InvariantCulture));
        using var response = await http.Client.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "start the upload", cancellationToken);
        var location = response.Headers.Location
            ?? throw new UploadFailedException("YouTube started an upload session without a Location.", permanent: false);
        return new Uri(new Uri(url), location).AbsoluteUri;
    }

    /// <summary>How many bytes the session holds (null when the session is gone), or the video id when it is complete.</summary>
    private async Task<(long? Received, string? VideoId)> QueryAsync(
        YouTubeDestination youtube, string sessionUri, long length, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, sessionUri) { Content = new ByteArrayContent([]) };
        Authorize(request, youtube);
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(length);
        using var response = await http.Client.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode == ResumeIncomplete)
        {
            return (NextOffset(response), null);
        }

        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return (null, null);
        }

        await EnsureSuccessAsync(response, "resume the upload", cancellationToken);
        return (length, await VideoIdAsync(response, cancellationToken));
    }

    private async Task AddToPlaylistAsync(YouTubeDestination youtube, string videoId, CancellationToken cancellationToken)
    {
        var item = new { snippet = new { playlistId = youtube.PlaylistId, resourceId = new { kind = "youtube#video", videoId } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{BaseUrl}/youtube/v3/playlistItems?part=snippet") { Content = JsonContent.Create(item) };
        Authorize(request, youtube);
        using var response = await http.Client.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "add the video to the playlist", cancellationToken);
    }

    private string BaseUrl => options.Value.YouTubeBaseUrl.TrimEnd('/');

    /// <summary>The byte after the last one YouTube confirmed (<c>Range: bytes=0-N</c>); none confirmed is 0.</summary>
    private static long NextOffset(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Range", out var values)
        && values.FirstOrDefault() is { } range
        && long.TryParse(range[(range.IndexOf('-') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? last + 1
            : 0;

    private static async Task<string> VideoIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var video = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return video.ValueKind == JsonValueKind.Object && video.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } text
            ? text
            : throw new UploadFailedException("YouTube finished the upload without a video id.", permanent: false);
    }

    private static void Authorize(HttpRequestMessage request, YouTubeDestination youtube) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", youtube.AccessToken);

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var reason = await GoogleErrorAsync(response, cancellationToken);
        throw new UploadFailedException($"YouTube could not {step}: HTTP {status}{reason}.", UploadFailedException.IsPermanentStatus(status));
    }

    private static async Task<string> GoogleErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return body.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message) ? $" ({message.GetString()})" : "";
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return "";
        }
    }
}
