using System.Globalization;
using System.Text.Json;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Addresses;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>
/// Reads the <c>upload</c> field of a render request (one task or a list) into typed tasks, field by field, so each
/// mistake is named in the answer; each destination type has its own reader. Secrets are read but never echoed in a message.
/// </summary>
public static class UploadTasks
{
    public const int MaxTasks = 10;

    private static readonly Dictionary<string, IDestinationReader> Readers = new IDestinationReader[]
    {
        new S3DestinationReader(), new AzureBlobDestinationReader(), new HttpDestinationReader(),
        new YouTubeDestinationReader(), new FacebookDestinationReader(), new DropboxDestinationReader(),
    }.ToDictionary(r => r.Type, StringComparer.Ordinal);

    /// <summary>
    /// The tasks, or the error: <c>invalid_upload</c> (400) with a sentence saying which field is wrong, or
    /// <c>url_refused</c> (422) naming the destination or callback field <paramref name="addresses"/> refuses.
    /// </summary>
    public static (IReadOnlyList<UploadTask>? Tasks, UploadTaskError? Error) Parse(
        JsonElement upload, IReadOnlyDictionary<string, string> movies, bool requestIsAsync, OutboundUrlPolicy addresses)
    {
        var isList = upload.ValueKind == JsonValueKind.Array;
        var elements = isList ? upload.EnumerateArray().ToList() : [upload];
        if (elements.Count == 0)
        {
            return (null, new(InvalidUploadException.InvalidUpload, "'upload' is an empty list."));
        }

        if (elements.Count > MaxTasks)
        {
            return (null, new(InvalidUploadException.InvalidUpload, $"'upload' may list at most {MaxTasks} tasks."));
        }

        var tasks = new List<UploadTask>();
        for (var i = 0; i < elements.Count; i++)
        {
            var where = isList ? string.Create(CultureInfo.InvariantCulture, $"upload[{i}]") : "upload";
            try
            {
                tasks.Add(ParseTask(elements[i], where, movies, requestIsAsync, addresses));
            }
            catch (InvalidUploadException ex)
            {
                return (null, new(ex.Code, ex.Message));
            }
        }

        return (tasks, null);
    }

    private static UploadTask ParseTask(
        JsonElement task, string where, IReadOnlyDictionary<string, string> movies, bool requestIsAsync, OutboundUrlPolicy addresses)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUploadException($"'{where}' must be an upload task object.");
        }

        var fields = new UploadFields(task, where, addresses);
        var extension = fields.Text("extension")?.ToLowerInvariant();
        if (extension is null || !OutputFormats.IsOutputExtension(extension))
        {
            throw new InvalidUploadException($"'{where}.extension' must be one of {string.Join(", ", OutputFormats.Extensions)}.");
        }

        if (!movies.ContainsKey(extension) && !movies.ContainsKey("*"))
        {
            throw new InvalidUploadException($"'{where}.extension' is '{extension}', but the movie map has no entry for it and no \"*\" fallback.");
        }

        if (!task.TryGetProperty("destination", out var destination) || destination.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUploadException($"'{where}.destination' must be an object with a 'type'.");
        }

        var target = fields.Nested(destination, "destination");
        var type = target.Text("type") ?? throw new InvalidUploadException($"'{where}.destination.type' is required: {UploadDestinationTypes.Listed}.");
        var reader = Readers.GetValueOrDefault(type.ToLowerInvariant())
            ?? throw new InvalidUploadException($"'{where}.destination.type' must be {UploadDestinationTypes.Listed}.");
        var method = fields.Text("callbackmethod")?.ToLowerInvariant() switch
        {
            null or "get" => CallbackMethod.Get,
            "post" => CallbackMethod.Post,
            _ => throw fields.Invalid("callbackmethod", "must be \"get\" or \"post\""),
        };
        return new UploadTask(extension, reader.Read(target, extension), fields.Flag("async", requestIsAsync), fields.Url("onsuccess"), fields.Url("onerror"), method);
    }
}

/// <summary>Why an <c>upload</c> field was refused: <see cref="Code"/> is <c>invalid_upload</c> (400) or <c>url_refused</c> (422).</summary>
public sealed record UploadTaskError(string Code, string Message)
{
    public IResult ToResult() => ApiErrors.Error(
        Code == InvalidUploadException.UrlRefused ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest, Code, Message);
}
