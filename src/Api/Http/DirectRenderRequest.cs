using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Http;

/// <summary>
/// A v1 direct render, <c>GET /v1/{mode}/{project}/{movie}.{ext}?name=value…</c>: every query value is a param (a
/// string, as impossible.io's v1 has it), except <c>q</c>, the quality of a still. <c>frame</c> stays a param and picks
/// a still's frame as a poster-frame param does. Its token is derived, not drawn (<see cref="Token"/>), so the same
/// query on the same movie finds the token, and the output, the first request made.
/// </summary>
public sealed record DirectRenderRequest(IReadOnlyDictionary<string, string> Params, int? Quality)
{
    /// <summary>More params than a movie could use; the request line (8 KiB in Kestrel) bounds their size.</summary>
    public const int MaxParams = 100;

    public static (DirectRenderRequest? Request, IResult? Error) Parse(IQueryCollection query, string extension)
    {
        if (query.Count > MaxParams)
        {
            return Fail("invalid_params", $"A direct render takes at most {MaxParams} query params; it has {query.Count}.");
        }

        var still = OutputFormats.TryParse(extension, out var format) && format.IsStill();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        int? quality = null;
        foreach (var (name, values) in query)
        {
            if (values.Count != 1 || name.Length is 0 or > Names.MaxLength)
            {
                return Fail("invalid_params", $"The query param '{Short(name)}' must have a name of 1–{Names.MaxLength} characters and one value.");
            }

            if (still && name == "q")
            {
                if (!int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var q))
                {
                    return Fail("invalid_quality", "'q' must be from 10 to 99.");
                }

                quality = q;
                continue;
            }

            parameters[name] = values[0]!;
        }

        return (new DirectRenderRequest(parameters, quality), null);
    }

    /// <summary>
    /// 32 URL-safe characters, like a drawn token, from a hash of everything the output depends on: the project, the
    /// movie's name and stored text (a changed movie gets a new token), the params (in name order, so their order in
    /// the URL does not matter) and the half of <paramref name="timeToLive"/> the request falls in. A token made in one
    /// half outlives it, so within a half the token is live unless someone deleted it; the next half starts a new one,
    /// whose render the segment store serves.
    /// </summary>
    public string Token(string project, string movie, string movieJson, string routingKey, DateTimeOffset now, TimeSpan timeToLive)
    {
        var half = Math.Max(1, (long)(timeToLive.TotalMilliseconds / 2));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Add("v1-direct");
        Add(project);
        Add(movie);
        Add(movieJson);
        Add(routingKey);
        Add((now.ToUnixTimeMilliseconds() / half).ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in Params.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(name);
            Add(value);
        }

        return Convert.ToBase64String(hash.GetHashAndReset().AsSpan(0, 24)).Replace('+', '-').Replace('/', '_');
    }

    private static (DirectRenderRequest?, IResult?) Fail(string error, string message) => (null, ApiErrors.BadRequest(error, message));

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
