using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Http;

/// <summary>
/// impossible.io's mode × extension matrix (<c>GET /v2/{mode}/{token}.{ext}</c>): <c>render</c> sends the whole stored
/// file, <c>get</c> sends it progressively while it renders (and lists HLS/DASH segments), <c>play</c> streams what
/// the viewer is about to need. Which formats each mode serves is a column of the output-format table
/// (<see cref="OutputFormats"/>); a format a mode serves but that does not stream (flv) is sent whole once rendered.
/// HLS and DASH playlists are served in <c>render</c> (once every piece is stored) and <c>get</c>.
/// </summary>
public static class DeliveryModes
{
    private static readonly string[] Playlists = ["m3u8", "mpd"];

    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["render"] = [.. OutputFormats.ExtensionsServedIn(DeliveryMode.Render), .. Playlists],
        ["get"] = [.. OutputFormats.ExtensionsServedIn(DeliveryMode.Get), .. Playlists],
        ["play"] = [.. OutputFormats.ExtensionsServedIn(DeliveryMode.Play)],
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
