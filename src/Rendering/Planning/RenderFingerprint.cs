using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Planning;

/// <summary>
/// Content addresses for render units: a hash of everything that decides a unit's bytes, so identical work is found in
/// the segment store instead of being rendered again. A frame range is identified by the bound scenes it touches (with
/// their frames, layers and motion), the output and encoder settings, the versions of the project assets it reads and
/// <see cref="EngineVersion"/>; the movie's sound by its clips; a joined output by its pieces. Remote media is named by
/// its URL: its bytes are not read before rendering, so a changed image at the same URL is seen once the stored unit
/// is evicted (<c>Render:SegmentStore:MaxAge</c>).
/// </summary>
public static class RenderFingerprint
{
    /// <summary>Change this whenever the engine writes different bytes for the same input, so old units are not reused.</summary>
    public const string EngineVersion = "engine-2026-11-30-effects-cjk";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(), new RuntimeTypeConverterFactory() },
    };

    /// <summary>The frames <paramref name="range"/> of the movie as <paramref name="output"/>, with the whole movie's sound when <paramref name="withAudio"/>.</summary>
    public static string OfFrames(
        Timeline timeline, FrameRange range, OutputSpec output, bool withAudio, EncoderSettings encoder, IReadOnlyDictionary<string, string> assetVersions)
    {
        var windows = SceneWindow.Covering(timeline, range);
        var layers = windows.SelectMany(w => w.ShownLayers()).ToList();
        var media = layers.Select(l => l.Content switch
        {
            ImageContent image => image.Source,
            VideoContent video => video.Source,
            _ => null,
        }).Concat(layers.SelectMany(l => l.Filters.OfType<LutFilter>().Select(f => f.Source)))
        .Concat(withAudio ? timeline.Audio.Select(a => a.Source) : []);
        return Hash(new
        {
            kind = "frames",
            EngineVersion,
            size = new object[] { timeline.Width, timeline.Height, timeline.Fps.ToString(), timeline.TotalFrames },
            range = new[] { range.Start, range.End },
            output,
            encoder,
            settings = timeline.Output,
            windows,
            audio = withAudio ? timeline.Audio : null,
            assets = Versions(media, assetVersions),
        });
    }

    /// <summary>
    /// A stream piece: the frames of <paramref name="range"/> in <paramref name="format"/>'s streaming container, with
    /// its slice of the movie's sound unit <paramref name="sound"/> (see <see cref="StreamPlan"/>).
    /// </summary>
    public static string OfPiece(
        Timeline timeline, FrameRange range, OutputFormat format, string? sound, EncoderSettings encoder, IReadOnlyDictionary<string, string> assetVersions) =>
        Hash(new { kind = "piece", frames = OfFrames(timeline, range, new OutputSpec(format), false, encoder, assetVersions), sound });

    /// <summary>The whole movie's sound alone, as <paramref name="format"/> carries it.</summary>
    public static string OfSound(Timeline timeline, OutputFormat format, EncoderSettings encoder, IReadOnlyDictionary<string, string> assetVersions) =>
        Hash(new
        {
            kind = "sound",
            EngineVersion,
            format,
            encoder,
            settings = timeline.Output,
            frames = new object[] { timeline.Fps.ToString(), timeline.TotalFrames },
            timeline.Audio,
            assets = Versions(timeline.Audio.Select(a => a.Source), assetVersions),
        });

    /// <summary>An output joined from <paramref name="pieces"/> (in order) and an optional sound unit.</summary>
    public static string OfJoin(IReadOnlyList<string> pieces, string? sound, OutputFormat format) =>
        Hash(new { kind = "join", EngineVersion, format, pieces, sound });

    /// <summary>
    /// The versions of the assets the unit reads, plus every font asset (a text layer may fall back to a project font
    /// by family, which is only decided when it is drawn). Keys of <paramref name="assetVersions"/> are asset names;
    /// font assets are passed with a <c>font:</c> prefix.
    /// </summary>
    private static SortedDictionary<string, string> Versions(IEnumerable<MediaReference?> media, IReadOnlyDictionary<string, string> assetVersions)
    {
        var names = media.Where(m => m is { IsAsset: true }).Select(m => m!.AssetName!)
            .Concat(assetVersions.Keys.Where(k => k.StartsWith("font:", StringComparison.Ordinal)));
        var versions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            versions[name] = assetVersions.TryGetValue(name, out var version) ? version : "missing";
        }

        return versions;
    }

    private static string Hash(object identity) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(identity, Json)))[..40];

    /// <summary>Writes abstract-typed values (layer contents) as their runtime type with its name, so no property is lost.</summary>
    private sealed class RuntimeTypeConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsAbstract && !typeToConvert.IsInterface;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(RuntimeTypeConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class RuntimeTypeConverter<T> : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("$type", value!.GetType().Name);
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }
}
