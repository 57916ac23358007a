using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Orleans.Render.Client;

/// <summary>Reads the Server-Sent Events of <c>GET /v2/progress/{token}/events</c>: <c>progress</c> events, then one <c>end</c>.</summary>
internal static class ProgressEventReader
{
    public static async IAsyncEnumerable<RenderProgress> ReadAsync(string token, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RenderProgress? last = null;
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (item.EventType)
            {
                case "progress":
                    last = JsonSerializer.Deserialize<RenderProgress>(item.Data, ApiTransport.Json)!;
                    yield return last;
                    break;
                case "end":
                    var end = JsonSerializer.Deserialize<End>(item.Data, ApiTransport.Json)!;
                    if (end.Error is { } error)
                    {
                        throw new RenderApiException(HttpStatusCode.ServiceUnavailable, error, end.Message ?? error);
                    }

                    // Deleted or expired while watched: the last progress still shows the state before.
                    var status = Enum.Parse<RenderStatus>(end.Status, ignoreCase: true);
                    if (last is null || last.Status != status)
                    {
                        yield return (last ?? new RenderProgress(token, 0, 0, status, null, 0)) with { Status = status };
                    }

                    yield break;
                default:
                    break;
            }
        }

        throw new RenderApiException(HttpStatusCode.BadGateway, "stream_ended", $"The progress stream of {token} closed before its end event.");
    }

    private sealed record End(string Status, string? Error, string? Message);
}
