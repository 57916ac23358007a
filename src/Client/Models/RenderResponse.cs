using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Render.Client;

/// <summary>
/// The answer to a render: its token, the output's URL, when the token expires (Unix seconds) and the HTTP-like status
/// the API puts in the body (200 rendered, 202 queued, 201 uploads started); <see cref="Uploads"/> holds sync upload results.
/// </summary>
public sealed record RenderResponse(string Token, Uri? Url, long Expires, int Status, JsonElement? Uploads = null)
{
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expires);
}

/// <summary>The answer to <c>POST /v2/token</c>: a token whose first request renders it.</summary>
public sealed record TokenResponse(string Token, long Expires)
{
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expires);
}
