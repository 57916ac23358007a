namespace Orleans.Render.Api.Access;

/// <summary>
/// A request let in by a signed URL (an <see cref="HttpContext"/> feature). A playlist served this way signs its
/// segments' URLs with the same secret and expiry, or a player could not fetch them.
/// </summary>
public sealed record SignedUrlGrant(string Secret, long Expires)
{
    /// <summary>
    /// The query for a playlist's segment URLs. Segments of a token are signed as one directory,
    /// <c>…/{token}/</c> beside the playlist, so one signature serves every segment and DASH's <c>$Number$</c> templates.
    /// </summary>
    public string SegmentQuery(string playlistPath, string token)
    {
        var signed = UrlSignature.Sign(Secret, SegmentDirectory(playlistPath[..(playlistPath.LastIndexOf('/') + 1)] + token + "/", token)!, Expires);
        return signed[signed.IndexOf('?', StringComparison.Ordinal)..];
    }

    /// <summary>The directory <c>…/{token}/</c> a segment path lies in, which is what its signature covers; null when it has none.</summary>
    public static string? SegmentDirectory(string path, string token)
    {
        var at = path.IndexOf($"/{token}/", StringComparison.Ordinal);
        return at < 0 ? null : path[..(at + token.Length + 2)];
    }
}
