using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Render.Models.Uploads;
using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Http;

/// <summary>
/// Reads the <c>upload</c> field of a render request (one task or a list) into typed tasks, field by field, so each
/// mistake is named in the answer. Secrets are read but never echoed in a message.
/// </summary>
public static partial class UploadTasks
{
    public const int MaxTasks = 10;
    private const int MaxText = 4096;

    private static readonly HashSet<string> CannedAcls = new(
        ["private", "public-read", "public-read-write", "authenticated-read", "bucket-owner-read", "bucket-owner-full-control"], StringComparer.Ordinal);

    private static readonly HashSet<string> ReservedHeaders = new(
        ["host", "content-length", "transfer-encoding", "connection", "idempotency-key"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The tasks, or a sentence saying which field is wrong.</summary>
    public static (IReadOnlyList<UploadTask>? Tasks, string? Error) Parse(JsonElement upload, IReadOnlyDictionary<string, string> movies, bool requestIsAsync)
    {
        var isList = upload.ValueKind == JsonValueKind.Array;
        var elements = isList ? upload.EnumerateArray().ToList() : [upload];
        if (elements.Count == 0)
        {
            return (null, "'upload' is an empty list.");
        }

        if (elements.Count > MaxTasks)
        {
            return (null, $"'upload' may list at most {MaxTasks} tasks.");
        }

        var tasks = new List<UploadTask>();
        for (var i = 0; i < elements.Count; i++)
        {
            var where = isList ? string.Create(CultureInfo.InvariantCulture, $"upload[{i}]") : "upload";
            try
            {
                tasks.Add(ParseTask(elements[i], where, movies, requestIsAsync));
            }
            catch (InvalidUploadException ex)
            {
                return (null, ex.Message);
            }
        }

        return (tasks, null);
    }

    private static UploadTask ParseTask(JsonElement task, string where, IReadOnlyDictionary<string, string> movies, bool requestIsAsync)
    {
        if (task.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidUploadException($"'{where}' must be an upload task object.");
        }

        var fields = new Fields(task, where);
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

        var target = new Fields(destination, $"{where}.destination");
        var type = target.Text("type") ?? throw new InvalidUploadException($"'{where}.destination.type' is required: s3, azureblob, http, youtube, facebook or dropbox.");
        UploadDestination parsed = type.ToLowerInvariant() switch
        {
            "s3" => S3(target, extension),
            "azureblob" => AzureBlob(target),
            "http" => Http(target),
            "youtube" => YouTube(target),
            "facebook" => Facebook(target),
            "dropbox" => Dropbox(target),
            _ => throw new InvalidUploadException($"'{where}.destination.type' must be s3, azureblob, http, youtube, facebook or dropbox."),
        };
        return new UploadTask(extension, parsed, fields.Flag("async", requestIsAsync), fields.Url("onsuccess"), fields.Url("onerror"));
    }

    private static S3Destination S3(Fields d, string extension)
    {
        var bucket = d.Required("bucket");
        if (!BucketName().IsMatch(bucket))
        {
            throw d.Invalid("bucket", "must be an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
        }

        var filename = d.Required("filename");
        if (filename.Length > 1024)
        {
            throw d.Invalid("filename", "may be at most 1024 characters");
        }

        var (keyId, secret, usePolicy) = (d.Text("aws_access_key_id"), d.Text("aws_secret_access_key"), d.Flag("aws_use_policy", false));
        if (!usePolicy && (keyId is null || secret is null))
        {
            throw d.Invalid("aws_access_key_id", "and 'aws_secret_access_key' are both required unless 'aws_use_policy' is true");
        }

        var host = d.Text("s3host");
        if (host is not null && !IsHostOrOrigin(host))
        {
            throw d.Invalid("s3host", "must be a host name with an optional port, or an http(s) URL with no path");
        }

        var acl = d.Text("acl") ?? "public-read";
        if (!CannedAcls.Contains(acl))
        {
            throw d.Invalid("acl", $"must be one of {string.Join(", ", CannedAcls)}");
        }

        var metadata = d.StringMap("metadata");
        if (metadata.Keys.FirstOrDefault(k => !MetadataName().IsMatch(k)) is { } badName)
        {
            throw d.Invalid("metadata", $"has the name '{Short(badName)}'; names are letters, digits, '-' and '_'");
        }

        return new S3Destination(
            bucket, filename, keyId, secret, usePolicy, host, d.Flag("secure", false), d.Text("contenttype") ?? ContentTypeOf(extension),
            d.Text("contentdisposition"), acl, d.Flag("reduced_redundancy", false), d.Text("cachecontrol"), metadata, d.Text("region"));
    }

    private static AzureBlobDestination AzureBlob(Fields d)
    {
        var container = d.Required("container");
        var blob = d.Text("key") ?? d.Text("blob") ?? throw d.Invalid("key", "(the blob name) is required");
        var (account, accountKey, sas, connection) = (d.Text("account"), d.Text("accountkey"), d.Text("sas"), d.Text("connectionstring"));
        if (connection is null && (account is null || (accountKey is null && sas is null)))
        {
            throw d.Invalid("connectionstring", "or 'account' with 'accountkey' or 'sas' is required");
        }

        if (account is not null && !AccountName().IsMatch(account))
        {
            throw d.Invalid("account", "must be a storage account name (3 to 24 lower-case letters and digits)");
        }

        if (accountKey is not null && !Convert.TryFromBase64String(accountKey, new byte[accountKey.Length], out _))
        {
            throw d.Invalid("accountkey", "must be the account's base64 shared key");
        }

        return new AzureBlobDestination(account, container, blob, accountKey, sas, connection, d.Text("contenttype"));
    }

    private static HttpDestination Http(Fields d)
    {
        var url = d.Url("url") ?? throw d.Invalid("url", "is required");
        var method = (d.Text("method") ?? "PUT").ToUpperInvariant();
        if (method is not ("PUT" or "POST"))
        {
            throw d.Invalid("method", "must be PUT or POST");
        }

        var headers = d.StringMap("headers");
        if (headers.Keys.FirstOrDefault(h => ReservedHeaders.Contains(h) || !HeaderName().IsMatch(h)) is { } bad)
        {
            throw d.Invalid("headers", $"may not set '{Short(bad)}'");
        }

        if (headers.Values.Any(v => v.Contains('\r') || v.Contains('\n')))
        {
            throw d.Invalid("headers", "values may not contain line breaks");
        }

        return new HttpDestination(url, method, headers, d.Text("field") ?? "file", d.Text("filename"), d.Text("contenttype"));
    }

    private static YouTubeDestination YouTube(Fields d)
    {
        var token = d.Text("oauth_access_token");
        if (token is null)
        {
            throw d.Text("auth_secret") is null
                ? d.Invalid("oauth_access_token", "is required")
                : d.Invalid("auth_secret", "(a console-stored authorization) is not supported here; pass 'oauth_access_token'");
        }

        var category = d.NumberOrText("category") ?? throw d.Invalid("category", "is required (a YouTube category id such as 22)");
        if (!category.All(char.IsAsciiDigit))
        {
            throw d.Invalid("category", "must be a numeric YouTube category id");
        }

        var status = d.Text("status") ?? "public";
        if (status is not ("public" or "private" or "unlisted"))
        {
            throw d.Invalid("status", "must be public, private or unlisted");
        }

        var notify = d.Has("notifySubscribers") ? d.Flag("notifySubscribers", true) : d.Flag("notifysubscribers", true);
        return new YouTubeDestination(
            token, d.Required("title"), d.Text("description") ?? throw d.Invalid("description", "is required"), category, status,
            d.StringList("tags"), d.Text("playlistid"), notify, d.Text("mimetype") ?? "video/mp4");
    }

    private static FacebookDestination Facebook(Fields d)
    {
        var token = d.Text("oauth_access_token") ?? d.Text("account") ?? throw d.Invalid("oauth_access_token", "(or 'account') is required");
        var target = d.Text("pageid") ?? "me";
        if (!GraphNode().IsMatch(target))
        {
            throw d.Invalid("pageid", "must be a page or user id");
        }

        return new FacebookDestination(token, target, d.Text("title"), d.Text("description"), d.Text("caption"), d.Text("name"));
    }

    private static DropboxDestination Dropbox(Fields d)
    {
        var token = d.Text("oauth_access_token") ?? d.Text("account") ?? throw d.Invalid("oauth_access_token", "(or 'account') is required");
        var path = d.Required("filename");
        path = path.StartsWith('/') ? path : "/" + path;
        if (path.EndsWith('/') || path.Contains("//", StringComparison.Ordinal) || path.Any(char.IsControl))
        {
            throw d.Invalid("filename", "must be a file path such as /videos/alex.mp4");
        }

        return new DropboxDestination(token, path);
    }

    private static string ContentTypeOf(string extension) =>
        OutputFormats.TryParse(extension, out var format) ? format.ContentType() : "application/octet-stream";

    private static bool IsHostOrOrigin(string host) =>
        host.Contains("://", StringComparison.Ordinal)
            ? Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
              && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query)
            : Uri.TryCreate($"https://{host}", UriKind.Absolute, out var bare) && bare.Authority.Equals(host, StringComparison.OrdinalIgnoreCase);

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex MetadataName();

    [GeneratedRegex("^[a-z0-9]{3,24}$")]
    private static partial Regex AccountName();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$")]
    private static partial Regex HeaderName();

    [GeneratedRegex("^(me|[0-9]{1,30})$")]
    private static partial Regex GraphNode();

    private sealed class InvalidUploadException(string message) : Exception(message);

    /// <summary>Typed reads of one JSON object's fields, each failure naming the field's path.</summary>
    private sealed class Fields(JsonElement value, string where)
    {
        public bool Has(string name) => value.TryGetProperty(name, out var field) && field.ValueKind != JsonValueKind.Null;

        public string? Text(string name)
        {
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (field.ValueKind != JsonValueKind.String)
            {
                throw Invalid(name, "must be a string");
            }

            var text = field.GetString()!;
            return text.Length > MaxText ? throw Invalid(name, $"may be at most {MaxText} characters") : text;
        }

        public string Required(string name) => Text(name) is { Length: > 0 } text ? text : throw Invalid(name, "is required");

        public string? NumberOrText(string name) =>
            value.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Number ? field.GetRawText() : Text(name);

        public bool Flag(string name, bool fallback)
        {
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                return fallback;
            }

            return field.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Invalid(name, "must be true or false"),
            };
        }

        public string? Url(string name)
        {
            var text = Text(name);
            if (text is null)
            {
                return null;
            }

            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 && string.IsNullOrEmpty(uri.UserInfo)
                ? text
                : throw Invalid(name, "must be an absolute http or https URL without credentials");
        }

        public IReadOnlyDictionary<string, string> StringMap(string name)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                return map;
            }

            if (field.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(name, "must be an object of strings");
            }

            foreach (var entry in field.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString()!.Length > MaxText || map.Count >= 50)
                {
                    throw Invalid(name, "must be an object of at most 50 strings");
                }

                map[entry.Name] = entry.Value.GetString()!;
            }

            return map;
        }

        public IReadOnlyList<string> StringList(string name)
        {
            if (!value.TryGetProperty(name, out var field) || field.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (field.ValueKind != JsonValueKind.Array || field.GetArrayLength() > 100 || field.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            {
                throw Invalid(name, "must be a list of at most 100 strings");
            }

            return [.. field.EnumerateArray().Select(e => e.GetString()!)];
        }

        public InvalidUploadException Invalid(string name, string problem) => new($"'{where}.{name}' {problem}.");
    }
}
