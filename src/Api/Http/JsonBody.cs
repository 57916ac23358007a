using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Reads a request body as JSON with a hard size limit, a depth limit and strict text (UTF-8, no unpaired surrogates), so
/// a caller can neither exhaust memory nor get a stack trace: every problem is 400 <c>invalid_json</c> or 413.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(JsonDocument? Document, IResult? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadBytesAsync(request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        return Parse(bytes);
    }

    /// <summary>Parses JSON bytes under the body rules: the document, or 400 <c>invalid_json</c> saying what is wrong.</summary>
    public static (JsonDocument? Document, IResult? Error) Parse(ReadOnlyMemory<byte> bytes)
    {
        if (!Utf8.IsValid(bytes.Span))
        {
            return (null, NotUtf8());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            return (null, InvalidJson($"The body is not valid JSON: {ex.Message}"));
        }

        if (JsonEncoding.FindProblem(bytes.Span) is { } problem)
        {
            document.Dispose();
            return (null, InvalidJson(problem));
        }

        return (document, null);
    }

    /// <summary>The body as text, or 400 <c>invalid_json</c> when it is not valid UTF-8 (nothing is silently replaced).</summary>
    public static (string? Text, IResult? Error) DecodeText(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return (StrictUtf8.GetString(bytes.Span), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, NotUtf8());
        }
    }

    private static IResult NotUtf8() => InvalidJson("The body is not valid UTF-8.");

    private static IResult InvalidJson(string message) => ApiErrors.BadRequest("invalid_json", message);

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
