using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Orleans.Render.Models;

namespace Orleans.Render.Api.Http;

/// <summary>
/// HLS and DASH VOD playlists of a token's fragmented-MP4 stream: one init segment (<c>{token}/init.mp4</c>) and the
/// pieces as media segments (<c>{token}/{n}.m4s</c>), with their exact durations, so players can seek anywhere before
/// anything is rendered. URIs are relative to the playlist's own URL, so they keep its mode; <c>query</c>, when given, follows each (a signed
/// playlist's segment signature).
/// </summary>
public static class StreamPlaylists
{
    public const string HlsContentType = "application/vnd.apple.mpegurl";
    public const string DashContentType = "application/dash+xml";

    public static string InitName => "init.mp4";

    public static string PieceName(int index) => string.Create(CultureInfo.InvariantCulture, $"{index}.m4s");

    public static string Hls(string token, StreamLayout layout, string query = "")
    {
        var seconds = layout.PieceFrames.Select(layout.Seconds).ToList();
        var text = new StringBuilder()
            .Append("#EXTM3U\n#EXT-X-VERSION:7\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{(int)Math.Ceiling(seconds.Max())}\n")
            .Append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n")
            .Append(CultureInfo.InvariantCulture, $"#EXT-X-MAP:URI=\"{token}/{InitName}{query}\"\n");
        for (var i = 0; i < seconds.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{seconds[i]:0.000000},\n{token}/{PieceName(i)}{query}\n");
        }

        return text.Append("#EXT-X-ENDLIST\n").ToString();
    }

    /// <summary>
    /// A static MPD: pictures and sound as separate adaptation sets (DASH players take no muxed representation), both
    /// cut from the same pieces (<c>{token}/v/…</c> and <c>{token}/a/…</c>, see <see cref="Fmp4Track"/>), on one
    /// segment timeline. <paramref name="videoCodec"/> comes from the init segment. Bandwidths are estimates: players
    /// only use them to choose between representations, and each set has one.
    /// </summary>
    public static string Dash(string token, StreamLayout layout, string videoCodec, string query = "")
    {
        XNamespace ns = "urn:mpeg:dash:schema:mpd:2011";
        var seconds = layout.Seconds(layout.TotalFrames).ToString("0.000", CultureInfo.InvariantCulture);
        var period = new XElement(ns + "Period", new XAttribute("id", "0"), new XAttribute("start", "PT0S"),
            AdaptationSet(ns, token, query, layout, 0, "video", "v", new XElement(ns + "Representation",
                new XAttribute("id", "video"), new XAttribute("codecs", videoCodec),
                new XAttribute("bandwidth", (long)layout.Width * layout.Height * layout.FpsNumerator / layout.FpsDenominator / 10),
                new XAttribute("width", layout.Width), new XAttribute("height", layout.Height), new XAttribute("frameRate", FrameRate(layout)))));
        if (layout.HasSound)
        {
            period.Add(AdaptationSet(ns, token, query, layout, 1, "audio", "a", new XElement(ns + "Representation",
                new XAttribute("id", "audio"), new XAttribute("codecs", "mp4a.40.2"), new XAttribute("bandwidth", 128_000),
                new XAttribute("audioSamplingRate", 48_000))));
        }

        var mpd = new XElement(ns + "MPD",
            new XAttribute("type", "static"),
            new XAttribute("profiles", "urn:mpeg:dash:profile:isoff-live:2011"),
            new XAttribute("minBufferTime", "PT2S"),
            new XAttribute("mediaPresentationDuration", $"PT{seconds}S"),
            period);
        return new XDeclaration("1.0", "utf-8", null) + "\n" + mpd;
    }

    /// <summary>The video codec of an fMP4 init segment (RFC 6381): <c>avc1.PPCCLL</c> from its <c>avcC</c> box.</summary>
    public static string VideoCodec(ReadOnlySpan<byte> init)
    {
        var avcC = init.IndexOf("avcC"u8);
        return avcC >= 0 && avcC + 8 <= init.Length
            ? string.Create(CultureInfo.InvariantCulture, $"avc1.{init[avcC + 5]:X2}{init[avcC + 6]:X2}{init[avcC + 7]:X2}")
            : "avc1.640028";
    }

    /// <summary>DASH's frame rate: <c>25</c> or <c>30000/1001</c>.</summary>
    private static string FrameRate(StreamLayout layout) => layout.FpsDenominator == 1
        ? layout.FpsNumerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{layout.FpsNumerator}/{layout.FpsDenominator}");

    private static XElement AdaptationSet(XNamespace ns, string token, string query, StreamLayout layout, int id, string type, string track, XElement representation)
    {
        var timeline = new XElement(ns + "SegmentTimeline");
        var start = 0;
        foreach (var frames in layout.PieceFrames)
        {
            timeline.Add(new XElement(ns + "S", new XAttribute("t", (long)start * layout.FpsDenominator), new XAttribute("d", (long)frames * layout.FpsDenominator)));
            start += frames;
        }

        representation.Add(new XElement(ns + "SegmentTemplate",
            new XAttribute("timescale", layout.FpsNumerator),
            new XAttribute("initialization", $"{token}/{track}/{InitName}{query}"),
            new XAttribute("media", $"{token}/{track}/$Number$.m4s{query}"),
            new XAttribute("startNumber", 0),
            timeline));
        return new XElement(ns + "AdaptationSet",
            new XAttribute("id", id), new XAttribute("contentType", type), new XAttribute("mimeType", $"{type}/mp4"),
            new XAttribute("segmentAlignment", "true"), new XAttribute("startWithSAP", "1"),
            representation);
    }
}
