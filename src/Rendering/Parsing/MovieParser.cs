using System.Text;
using System.Text.Json;
using Orleans.Render.Conventions;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads a movie document (format v1, see docs/movie-format.md) and reports every problem with its JSON path.
/// New fields and layer types are added here by addition; unknown fields are errors so typos never go unnoticed.
/// </summary>
public static class MovieParser
{
    public const int FormatVersion = 1;

    public static MovieParseResult Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MovieLimits.MaxDocumentDepth });
        }
        catch (JsonException ex)
        {
            return new MovieParseResult(null, [new MovieError(ex.Path ?? "$", $"The movie is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            if (JsonEncoding.FindProblem(Encoding.UTF8.GetBytes(json)) is { } problem)
            {
                return new MovieParseResult(null, [new MovieError("$", $"The movie is not valid JSON: {problem}")]);
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new MovieParseResult(null, [new MovieError("$", "The movie must be a JSON object.")]);
            }

            var errors = new List<MovieError>();
            var movie = ReadMovie(new ObjectReader(document.RootElement, "$", errors));
            return errors.Count == 0 ? new MovieParseResult(movie, []) : new MovieParseResult(null, errors);
        }
    }

    private static Movie ReadMovie(ObjectReader reader)
    {
        reader.Int("version", FormatVersion, FormatVersion, FormatVersion);
        reader.Allow("$schema");
        var width = reader.Int("width", 1920, MovieLimits.MinSize, MovieLimits.MaxSize);
        var height = reader.Int("height", 1080, MovieLimits.MinSize, MovieLimits.MaxSize);
        if (width % 2 != 0)
        {
            reader.Error("width", "must be even (H.264 and VP9 need even sizes).");
        }

        if (height % 2 != 0)
        {
            reader.Error("height", "must be even (H.264 and VP9 need even sizes).");
        }

        var fps = reader.FrameRate("fps", FrameRate.Whole(30), MovieLimits.MaxFps);
        var background = reader.Color("background", "#000000");
        var font = reader.OptionalTemplate("font");
        IReadOnlyList<Scene> scenes = reader.Objects("scenes", MovieLimits.MaxScenes, required: true).Select(s => SceneParser.Read(s, ReadLayer)).ToList();
        var definitions = reader.Objects("sceneDefinitions", MovieLimits.MaxSceneDefinitions).Select(ReadDefinition).ToList();
        scenes = SceneReuseChecker.Check(reader, scenes, definitions);
        if (reader.Has("scenes") && scenes.Count == 0)
        {
            reader.Error("scenes", "must hold at least one scene.");
        }

        if (scenes.Sum(s => SceneParser.MaxSeconds(s, fps)) > MovieLimits.MaxMovieSeconds)
        {
            reader.Error("scenes", $"add up to more than {MovieLimits.MaxMovieSeconds} seconds.");
        }

        var audio = reader.Object("audio") is { } audioReader ? MediaLayerParser.ReadMovieAudio(audioReader) : null;
        var posterFrame = reader.Int("posterFrame", 0, 0, (int)MovieLimits.MaxMovieSeconds * MovieLimits.MaxFps);
        var output = reader.Object("output") is { } outputReader ? OutputSettingsReader.Read(outputReader, fps) : OutputSettings.Default;
        reader.RejectUnknownMembers();
        return new Movie(width, height, fps, background, scenes)
        {
            Font = font, Audio = audio, PosterFrame = posterFrame, Output = output, SceneDefinitions = definitions,
        };
    }

    private static Scene ReadDefinition(ObjectReader reader)
    {
        var scene = SceneParser.Read(reader, ReadLayer);
        SceneReuseReader.CheckViewable(scene, reader);
        if (scene.Id is null && !reader.Has("id"))
        {
            reader.Error("id", "is required: views name a scene definition by its id.");
        }

        return scene;
    }

    private static Layer? ReadLayer(ObjectReader reader)
    {
        var type = reader.Choice("type", "", "solid", "shape", "text", "image", "video", "audio", "sceneview", "scene");
        if (type.Length == 0)
        {
            if (!reader.Has("type"))
            {
                reader.Error("type", "is required (solid, shape, text, image, video, audio, sceneview or scene).");
            }

            return null;
        }

        if (type == "audio")
        {
            return MediaLayerParser.ReadAudio(reader);
        }

        var box = new LayerBox(
            (int)reader.BindableNumber("x", 0, -MovieLimits.MaxSize, MovieLimits.MaxSize, wholeNumber: true),
            (int)reader.BindableNumber("y", 0, -MovieLimits.MaxSize, MovieLimits.MaxSize, wholeNumber: true),
            (int?)reader.OptionalBindableNumber("width", 1, MovieLimits.MaxSize, wholeNumber: true),
            (int?)reader.OptionalBindableNumber("height", 1, MovieLimits.MaxSize, wholeNumber: true));
        var timing = new LayerTiming(
            reader.BindableNumber("start", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.OptionalBindableNumber("duration", 0.001, MovieLimits.MaxMovieSeconds),
            reader.BindableNumber("fadeIn", 0, 0, MovieLimits.MaxMovieSeconds),
            reader.BindableNumber("fadeOut", 0, 0, MovieLimits.MaxMovieSeconds));
        var look = LayerLookReader.Read(reader) with { Mask = MaskReader.Read(reader, ReadLayer) };

        Layer layer = type switch
        {
            "solid" => new SolidLayer(box, timing, reader.Color("color", "#000000", required: true)),
            "shape" => ShapeReader.Read(reader, box, timing),
            "text" => new TextLayer(
                box,
                timing,
                reader.Template("text", "", required: true),
                reader.BindableNumber("fontSize", 48, 1, MovieLimits.MaxFontSize),
                reader.Color("color", "#ffffff"),
                reader.Choice("align", "center", "left", "center", "right"),
                reader.Choice("verticalAlign", "middle", "top", "middle", "bottom"),
                reader.OptionalTemplate("font")) { Style = TextStyleReader.Read(reader) },
            "video" => MediaLayerParser.ReadVideo(reader, box, timing),
            "sceneview" => SceneReuseReader.ReadView(reader, box, timing, s => SceneParser.Read(s, ReadLayer, depth: 2)),
            "scene" => SceneReuseReader.ReadRef(reader, box, timing),
            _ => ReadImage(reader, box, timing),
        };
        KeyframeContentRules.Check(layer, look, reader);
        reader.RejectUnknownMembers();
        return layer with { Look = look, NumberTemplates = reader.NumberTemplates };
    }

    private static ImageLayer ReadImage(ObjectReader reader, LayerBox box, LayerTiming timing)
    {
        var url = reader.Template("url", "", required: true);
        var fit = reader.Choice("fit", "contain", "cover", "contain", "stretch");
        if (!reader.Has("width") || !reader.Has("height"))
        {
            reader.Error("width", "and height are required for an image layer.");
        }

        return new ImageLayer(box, timing, url, fit);
    }
}

public sealed record MovieParseResult(Movie? Movie, IReadOnlyList<MovieError> Errors);
