using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Render.Api.Contracts;

/// <summary>
/// A token made by <c>POST /v2/render</c> (with the output's <c>url</c>) or <c>POST /v2/token</c> (without); a render
/// with sync upload tasks adds each upload's result (<c>uploads</c>, and <c>upload</c> for older clients).
/// </summary>
public sealed record TokenCreated(
    [property: Description("The render token: 32 URL-safe characters.")] string Token,
    [property: Description("Where the output is fetched; absent for POST /v2/token."), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Url,
    [property: Description("When the token expires, in Unix seconds.")] long Expires,
    [property: Description("The HTTP status repeated in the body, as impossible.io answers.")] int Status);

/// <summary>What <c>GET /v2/progress/{token}</c> answers.</summary>
public sealed record ProgressReport(
    string Token,
    [property: Description("Frames rendered so far.")] int Done,
    [property: Description("Frames to render in all.")] int Total,
    [property: Description("pending, queued, rendering, done, failed or cancelled.")] string Status,
    [property: Description("The output's place in its pool's queue while it is queued, else null.")] int? Position,
    [property: Description("Units of the output found stored instead of rendered.")] int Reused);
