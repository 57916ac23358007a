using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Http;

/// <summary>
/// impossible.io's mode × extension matrix (<c>GET /v2/{mode}/{token}.{ext}</c>): <c>render</c> sends the whole stored
/// file, <c>get</c> sends it progressively while it renders (and lists HLS/DASH segments), <c>play</c> streams what
/// the viewer is about to need. <c>get</c> + mp4 is accepted although the matrix lacks it, because every official SDK's
/// <c>getUrl()</c> builds it.
/// </summary>
public static class DeliveryModes
{
    private static readonly string[] Playlists = ["m3u8", "mpd"];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["render"] = [.. OutputFormats.Extensions, .. Playlists],
        ["get"] = [.. OutputFormats.StreamExtensions, .. Playlists],
        ["play"] = [OutputFormat.Webm.Extension()],
    };

    /// <summary>Every extension some mode serves.</summary>
    public static readonly IReadOnlySet<string> Extensions = Allowed.Values.SelectMany(e => e).ToHashSet(StringComparer.Ordinal);

    /// <summary>Playlists: HLS and DASH, whose segments are the stream's pieces.</summary>
    public static bool IsPlaylist(string extension) => Playlists.Contains(extension);

    /// <summary>A 400 <c>unsupported_mode</c> naming what each mode serves, or null when the mode serves the extension.</summary>
    public static IResult? Refuse(string mode, string extension) => Allowed[mode].Contains(extension)
        ? null
        : ApiErrors.BadRequest(
            "unsupported_mode",
            $"'{mode}' does not serve .{extension}. Allowed: {string.Join("; ", Allowed.Select(a => $"{a.Key}: {string.Join(", ", a.Value)}"))}.");

    public static string Describe() => string.Join(", ", Extensions);
}
