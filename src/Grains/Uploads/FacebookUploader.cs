using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// Uploads with the Graph API's resumable video upload (<c>upload_phase</c> start, transfer, finish). The session is
/// <c>{session id} {video id} {next offset}</c>, saved after every chunk, so an attempt after a crash goes on where the
/// last confirmed chunk ended and always ends with the same video id.
/// </summary>
public sealed class FacebookUploader(UploadHttp http, IOptions<UploadOptions> options) : IUploader
{
    public string Type => UploadDestinationTypes.Facebook;

    public async Task<string> UploadAsync(UploadDestination destination, UploadSource source, UploadSession session, CancellationToken cancellationToken)
    {
        var facebook = (FacebookDestination)destination;
        var url = $"{options.Value.FacebookBaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(facebook.Target)}/videos";
        var (sessionId, videoId, offset) = Parse(session.Value);
        if (sessionId is null)
        {
            var started = await PostAsync(url, facebook, new() { ["upload_phase"] = "start", ["file_size"] = Text(source.Length) }, null, cancellationToken);
            (sessionId, videoId, offset) = (Field(started, "upload_session_id"), Field(started, "video_id"), long.Parse(Field(started, "start_offset"), CultureInfo.InvariantCulture));
            await session.SaveAsync($"{sessionId} {videoId} {Text(offset)}");
        }

        var buffer = new byte[Math.Min(options.Value.FacebookChunkSize, Math.Max(source.Length, 1))];
        while (offset < source.Length)
        {
            var size = (int)Math.Min(buffer.Length, source.Length - offset);
            source.Content.Position = offset;
            await source.Content.ReadExactlyAsync(buffer.AsMemory(0, size), cancellationToken);
            var chunk = new ByteArrayContent(buffer, 0, size);
            var sent = await PostAsync(
                url, facebook, new() { ["upload_phase"] = "transfer", ["upload_session_id"] = sessionId, ["start_offset"] = Text(offset) },
                (chunk, source.FileName), cancellationToken);
            offset = long.Parse(Field(sent, "start_offset"), CultureInfo.InvariantCulture);
            await session.SaveAsync($"{sessionId} {videoId} {Text(offset)}");
        }

        var finish = new Dictionary<string, string> { ["upload_phase"] = "finish", ["upload_session_id"] = sessionId };
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("title", facebook.Title), ("description", facebook.Description), ("caption", facebook.Caption), ("name", facebook.Name)])
        {
            if (value is not null)
            {
                finish[name] = value;
            }
        }

        await PostAsync(url, facebook, finish, null, cancellationToken);
        return videoId!;
    }

    private async Task<JsonElement> PostAsync(
        string url, FacebookDestination facebook, Dictionary<string, string> fields, (HttpContent Content, string FileName)? file, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(facebook.AccessToken ?? ""), "access_token");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is { } chunk)
        {
            form.Add(chunk.Content, "video_file_chunk", chunk.FileName);
        }

        using var response = await http.Client.PostAsync(url, form, cancellationToken);
        var status = (int)response.StatusCode;
        JsonElement body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (JsonException)
        {
            body = default;
        }

        if (!response.IsSuccessStatusCode)
        {
            var reason = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message)
                ? $" ({message.GetString()})"
                : "";
            throw new UploadFailedException(
                $"Facebook answered HTTP {status} to '{fields["upload_phase"]}'{reason}.", UploadFailedException.IsPermanentStatus(status));
        }

        return body;
    }

    private static string Field(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : throw new UploadFailedException($"Facebook's answer has no '{name}'.", permanent: false);

    private static (string? SessionId, string? VideoId, long Offset) Parse(string? session)
    {
        var parts = session?.Split(' ');
        return parts is { Length: 3 } ? (parts[0], parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture)) : (null, null, 0);
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
