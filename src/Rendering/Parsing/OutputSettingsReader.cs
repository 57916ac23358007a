using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the movie's <c>output</c> block (see <see cref="OutputSettings"/>): only named choices and bounded whole numbers, so nothing the user writes reaches ffmpeg as text.</summary>
internal static class OutputSettingsReader
{
    public static readonly string[] H264Profiles = ["baseline", "main", "high"];

    public static readonly string[] ProresProfiles = ["proxy", "lt", "standard", "hq"];

    public static OutputSettings Read(ObjectReader reader, FrameRate fps)
    {
        var settings = new OutputSettings
        {
            H264Profile = Optional(reader, "h264Profile", H264Profiles),
            Crf = reader.OptionalInt("crf", 0, 51),
            VideoBitrateKbps = reader.OptionalInt("videoBitrate", 50, 100_000),
            AudioBitrateKbps = reader.OptionalInt("audioBitrate", 32, 320),
            ProresProfile = Optional(reader, "proresProfile", ProresProfiles),
            GifFps = reader.OptionalInt("gifFps", 1, MovieLimits.MaxFps),
            GifColors = reader.OptionalInt("gifColors", 2, 256),
        };
        if (settings.GifFps > fps.PerSecond)
        {
            reader.Error("gifFps", $"must be at most the movie's fps ({fps}).");
        }

        reader.RejectUnknownMembers();
        return settings;
    }

    private static string? Optional(ObjectReader reader, string member, string[] allowed) =>
        reader.Choice(member, "", allowed) is { Length: > 0 } chosen ? chosen : null;
}
