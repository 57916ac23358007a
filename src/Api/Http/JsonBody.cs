using System.Text.Json;

namespace Orleans.Render.Api.Http;

/// <summary>Reads a request body as JSON with a hard size limit, so a caller can neither exhaust memory nor get a stack trace.</summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadBytesAsync(request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        try
        {
            return (JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiErrors.BadRequest("invalid_json", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    public static async Task<(ReadOnlyMemory<byte> Bytes, IResult? Error)> ReadBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (default, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), null);
    }

    private static IResult TooLarge() =>
        ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body is larger than {MaxBytes} bytes.");
}
