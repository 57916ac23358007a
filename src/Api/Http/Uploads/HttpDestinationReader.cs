using System.Text.RegularExpressions;
using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Api.Http.Uploads;

/// <summary>An <c>http</c> destination: a URL, PUT or POST, and headers that may not take over the request's framing.</summary>
internal sealed partial class HttpDestinationReader : IDestinationReader
{
    private static readonly HashSet<string> ReservedHeaders = new(
        ["host", "content-length", "transfer-encoding", "connection", "idempotency-key"], StringComparer.OrdinalIgnoreCase);

    public string Type => UploadDestinationTypes.Http;

    public UploadDestination Read(UploadFields d, string extension)
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
            throw d.Invalid("headers", $"may not set '{UploadFields.Short(bad)}'");
        }

        if (headers.Values.Any(v => v.Any(char.IsControl)))
        {
            throw d.Invalid("headers", "values may not contain line breaks or control characters");
        }

        return new HttpDestination(url, method, headers, d.HeaderValue("field") ?? "file", d.HeaderValue("filename"), d.HeaderValue("contenttype"));
    }

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$")]
    private static partial Regex HeaderName();
}
