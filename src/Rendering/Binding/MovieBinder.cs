using System.Globalization;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// The bind stage: movie + params → <see cref="Timeline"/>. Pure and fast, so the job grain can call it to learn the
/// frame count before any work starts, and every mistake in the params surfaces here as a <see cref="RenderInputException"/>.
/// An <c>"auto"</c> scene's length comes from <paramref name="mediaSeconds"/>: the length in seconds of each source that
/// <see cref="AutoLengthSources"/> names, by its <see cref="MediaReference.ToString"/> form, read beforehand (see <c>MediaLengthProbe</c>).
/// </summary>
public static class MovieBinder
{
    private static readonly IReadOnlyDictionary<string, double> NoMedia = new Dictionary<string, double>();

    public static Timeline Bind(
        Movie movie, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double>? mediaSeconds = null)
    {
        var fps = movie.Fps;
        var movieBackground = BindColor(movie.Background, parameters, "background");
        var scenes = new List<TimelineScene>();
        var audio = new List<AudioClip>();
        var sceneStart = 0;
        foreach (var scene in ScenePicker.Pick(movie.Scenes, parameters))
        {
            var frames = Math.Max(1, scene.Length.Auto
                ? AutoFrames(scene, scenes.Count + 1, fps, parameters, mediaSeconds ?? NoMedia)
                : FixedFrames(scene.Length, fps, parameters));
            var background = scene.Background is null ? movieBackground : BindColor(scene.Background, parameters, "background");
            var transition = scenes.Count > 0 && scene.Transition is { } authored ? SceneReuseBinder.Transition(movie, authored, parameters) : null;
            if (transition is not null)
            {
                CheckTransition(scenes, frames, transition, fps);
            }

            sceneStart -= transition?.Frames ?? 0;
            var layers = new List<TimelineLayer>();
            foreach (var layer in scene.Layers)
            {
                if (layer is AudioLayer sound)
                {
                    AddClip(audio, AudioBinder.BindLayer(sound, sceneStart, frames, fps, parameters));
                }
                else if (BindLayer(movie, layer, frames, parameters) is { } bound)
                {
                    layers.Add(bound);
                    AddClip(audio, AudioBinder.VideoSound(layer, bound, sceneStart, fps));
                }
            }

            scenes.Add(new TimelineScene(sceneStart, frames, background, layers, transition));
            sceneStart += frames;
        }

        if (scenes.Count == 0)
        {
            throw new RenderInputException("no_scenes", "No scene is left to render with these params (every scene's condition or choice left it out).");
        }

        if (fps.Seconds(sceneStart) > MovieLimits.MaxMovieSeconds)
        {
            throw new RenderInputException("movie_too_long", $"With these params the movie lasts more than {MovieLimits.MaxMovieSeconds} seconds.");
        }

        if (movie.Audio is { } track)
        {
            audio.Insert(0, AudioBinder.BindTrack(track, sceneStart, fps, parameters));
        }

        return new Timeline(movie.Width, movie.Height, fps, scenes) { Audio = audio, Output = movie.Output };
    }

    /// <summary>The sources whose length sets the length of the <c>"auto"</c> scenes rendered with these params.</summary>
    public static IReadOnlySet<MediaReference> AutoLengthSources(Movie movie, IReadOnlyDictionary<string, string> parameters) =>
        ScenePicker.Pick(movie.Scenes, parameters)
            .Where(s => s.Length.Auto)
            .SelectMany(s => AutoLengthLayers(s, parameters))
            .Select(l => l.Source)
            .ToHashSet();

    /// <summary>A scene's frames from its <c>frames</c> or <c>duration</c>, either of which may come from params.</summary>
    internal static int FixedFrames(SceneLength length, FrameRate fps, IReadOnlyDictionary<string, string> parameters) => length.Template is { } template
        ? length.InFrames
            ? (int)BindNumber(template, parameters, "scene's frames", 1, MovieLimits.MaxMovieSeconds * MovieLimits.MaxFps, wholeNumber: true)
            : ToFrames(BindNumber(template, parameters, "scene's duration", 0.001, MovieLimits.MaxMovieSeconds, wholeNumber: false), fps)
        : length.Frames ?? ToFrames(length.Seconds ?? 0, fps);

    /// <summary>
    /// An <c>"auto"</c> scene lasts until its last shown, non-looping video or audio layer ends: the layer's start plus
    /// what is left of its source after <c>in</c>, cut short by the layer's own <c>duration</c>.
    /// </summary>
    private static int AutoFrames(
        Scene scene, int sceneNumber, FrameRate fps, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double> mediaSeconds)
    {
        var ends = AutoLengthLayers(scene, parameters).Select(l =>
        {
            if (!mediaSeconds.TryGetValue(l.Source.ToString(), out var sourceSeconds))
            {
                throw new RenderInputException("media_not_read", $"Scene {sceneNumber} lasts as long as '{Truncate(l.Source.ToString())}', whose length has not been read yet.");
            }

            var playing = Math.Max(0, sourceSeconds - l.In);
            return ToFrames(l.Start, fps) + ToFrames(l.Duration is { } duration ? Math.Min(duration, playing) : playing, fps);
        }).ToList();
        if (ends.Count == 0)
        {
            throw new RenderInputException(
                "auto_scene_empty",
                $"Scene {sceneNumber} has \"duration\": \"auto\", but with these params it shows no video or audio layer that does not loop to take its length from.");
        }

        return ends.Max();
    }

    private static IEnumerable<(MediaReference Source, double Start, double? Duration, double In)> AutoLengthLayers(
        Scene scene, IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var layer in scene.Layers.Where(SceneParser.SetsAutoLength))
        {
            var (source, condition, authoredIn) = layer switch
            {
                VideoLayer video => ((Func<MediaReference>)(() => MediaReference.Parse(VariableTemplate.Parse(video.Url).Bind(parameters))), video.Look.Condition, video.In),
                AudioLayer sound => (() => AudioBinder.Source(sound, parameters), sound.Condition, sound.In),
                _ => throw new NotSupportedException($"Layer type {layer.GetType().Name} cannot set a scene's length."),
            };
            if (condition is not null && !Conditions.Holds(condition, parameters))
            {
                continue;
            }

            double Number(string field, double value) =>
                layer.NumberTemplates.TryGetValue(field, out var template)
                    ? BindNumber(template, parameters, field, field == "duration" ? 0.001 : 0, field == "in" ? MovieLimits.MaxMediaSeconds : MovieLimits.MaxMovieSeconds, wholeNumber: false)
                    : value;
            var duration = layer.NumberTemplates.ContainsKey("duration") ? Number("duration", 0) : layer.Timing.Duration;
            yield return (source(), Number("start", layer.Timing.Start), duration, Number("in", authoredIn));
        }
    }

    internal static TimelineLayer? BindLayer(
        Movie movie, Layer layer, int sceneFrames, IReadOnlyDictionary<string, string> parameters)
    {
        if (layer.Look.Condition is { } condition && !Conditions.Holds(condition, parameters))
        {
            return null;
        }

        var fps = movie.Fps;
        double Number(string field, double value, double min, double max, bool wholeNumber = false) =>
            layer.NumberTemplates.TryGetValue(field, out var template) ? BindNumber(template, parameters, field, min, max, wholeNumber) : value;
        double? OptionalNumber(string field, double? value, double min, double max, bool wholeNumber = false) =>
            layer.NumberTemplates.ContainsKey(field) ? Number(field, 0, min, max, wholeNumber) : value;

        var start = Math.Min(ToFrames(Number("start", layer.Timing.Start, 0, Parsing.MovieLimits.MaxMovieSeconds), fps), sceneFrames);
        var end = OptionalNumber("duration", layer.Timing.Duration, 0.001, Parsing.MovieLimits.MaxMovieSeconds) is { } duration
            ? Math.Min(start + ToFrames(duration, fps), sceneFrames)
            : sceneFrames;
        if (layer is SceneViewLayer view)
        {
            end = Math.Min(end, start + SceneReuseBinder.Frames(movie, view, parameters));
        }

        if (end <= start)
        {
            return null;
        }

        const int maxSize = Parsing.MovieLimits.MaxSize;
        var x = (int)Number("x", layer.Box.X, -maxSize, maxSize, wholeNumber: true);
        var y = (int)Number("y", layer.Box.Y, -maxSize, maxSize, wholeNumber: true);
        var width = (int?)OptionalNumber("width", layer.Box.Width, 1, maxSize, wholeNumber: true) ?? movie.Width;
        var height = (int?)OptionalNumber("height", layer.Box.Height, 1, maxSize, wholeNumber: true) ?? movie.Height;
        var length = end - start;
        var fadeIn = Math.Min(ToFrames(Number("fadeIn", layer.Timing.FadeIn, 0, Parsing.MovieLimits.MaxMovieSeconds), fps), length);
        var fadeOut = Math.Min(ToFrames(Number("fadeOut", layer.Timing.FadeOut, 0, Parsing.MovieLimits.MaxMovieSeconds), fps), length);
        LayerContent content = layer switch
        {
            SolidLayer solid => new SolidContent(BindColor(solid.Color, parameters, "color")),
            ShapeLayer shape => new ShapeContent(
                shape.Path is not null ? ShapeKind.Path : shape.Shape == "ellipse" ? ShapeKind.Ellipse : ShapeKind.Rectangle,
                BindColor(shape.Fill, parameters, "fill"),
                shape.Stroke is null ? null : BindColor(shape.Stroke, parameters, "stroke"),
                (float)shape.StrokeWidth,
                (float)shape.CornerRadius) { Path = shape.Path is { } path ? new ShapePath(path, width, height) : null },
            TextLayer text => new TextContent(BindText(movie, text, width, height, Number("fontSize", text.FontSize, 1, Parsing.MovieLimits.MaxFontSize), parameters)),
            VideoLayer video => new VideoContent(
                MediaReference.Parse(VariableTemplate.Parse(video.Url).Bind(parameters)),
                Number("in", video.In, 0, Parsing.MovieLimits.MaxMediaSeconds),
                video.Loop,
                Enum.Parse<ImageFit>(video.Fit, ignoreCase: true)),
            ImageLayer image => new ImageContent(
                MediaReference.Parse(VariableTemplate.Parse(image.Url).Bind(parameters)),
                Enum.Parse<ImageFit>(image.Fit, ignoreCase: true)),
            SceneViewLayer sceneView => SceneReuseBinder.View(movie, sceneView, parameters),
            SceneRefLayer reference => new NeighbourContent(reference.Incoming),
            _ => throw new NotSupportedException($"Layer type {layer.GetType().Name} has no binder."),
        };

        var look = layer.Look with
        {
            Scale = Number("scale", layer.Look.Scale, Parsing.LayerLookReader.MinScale, Parsing.LayerLookReader.MaxScale),
            ScaleX = OptionalNumber("scaleX", layer.Look.ScaleX, Parsing.LayerLookReader.MinScale, Parsing.LayerLookReader.MaxScale),
            ScaleY = OptionalNumber("scaleY", layer.Look.ScaleY, Parsing.LayerLookReader.MinScale, Parsing.LayerLookReader.MaxScale),
            Rotation = Number("rotation", layer.Look.Rotation, -Parsing.LayerLookReader.MaxRotation, Parsing.LayerLookReader.MaxRotation),
            Opacity = Number("opacity", layer.Look.Opacity, 0, 1),
        };
        var bound = new TimelineLayer(start, end, x, y, width, height, fadeIn, fadeOut, content, LayerMotion.Still(x, y))
        {
            Blend = layer.Look.Blend,
            Filters = layer.Look.Filters,
            Mask = layer.Look.Mask is { } mask
                ? new TimelineMask(BindLayer(movie, mask.Source, sceneFrames, parameters), mask.Channel, mask.Invert)
                : null,
        };
        return LayerMotionBinder.Bind(bound, look, movie.Width, movie.Height, fps);
    }

    private static TextBlock BindText(Movie movie, TextLayer text, int width, int height, double fontSize, IReadOnlyDictionary<string, string> parameters)
    {
        var style = text.Style;
        var family = text.Font ?? movie.Font;
        return new TextBlock(
            VariableTemplate.Parse(text.Text).Bind(parameters),
            width,
            height,
            (float)fontSize,
            BindColor(text.Color, parameters, "color"),
            Enum.Parse<TextAlign>(text.Align, ignoreCase: true),
            text.VerticalAlign switch { "top" => TextVerticalAlign.Top, "bottom" => TextVerticalAlign.Bottom, _ => TextVerticalAlign.Middle },
            family is null ? FontCollection.DefaultFamily : VariableTemplate.Parse(family).Bind(parameters),
            (float)style.LineSpacing,
            FontFile: null,
            Outline: style.OutlineColor is null ? null : new TextOutline(BindColor(style.OutlineColor, parameters, "outline color"), (float)style.OutlineWidth),
            Shadow: style.ShadowColor is null
                ? null
                : new TextShadow(BindColor(style.ShadowColor, parameters, "shadow color"), (float)style.ShadowX, (float)style.ShadowY, (float)style.ShadowBlur),
            Background: style.BackgroundColor is null ? null : BindColor(style.BackgroundColor, parameters, "backgroundColor"),
            Padding: style.Padding,
            Overflow: Enum.Parse<TextOverflow>(style.Overflow, ignoreCase: true));
    }

    internal static double BindNumber(
        string template, IReadOnlyDictionary<string, string> parameters, string field, double min, double max, bool wholeNumber)
    {
        var variables = VariableTemplate.Parse(template);
        var text = variables.Bind(parameters).Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && (!wholeNumber || value == Math.Floor(value)) && value >= min && value <= max)
        {
            return value;
        }

        var names = string.Join(", ", variables.Variables.Select(v => $"'{v.Name}'"));
        throw new RenderInputException(
            "invalid_param",
            $"The {field} from {names} is '{Truncate(text)}', which is not a {(wholeNumber ? "whole number" : "number")} between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static void AddClip(List<AudioClip> audio, AudioClip? clip)
    {
        if (clip is not null)
        {
            audio.Add(clip);
        }
    }

    /// <summary>A transition overlaps both neighbours, so it may last at most as long as each of them leaves free.</summary>
    private static void CheckTransition(List<TimelineScene> scenes, int frames, SceneTransition transition, FrameRate fps)
    {
        var previous = scenes[^1];
        var previousFree = previous.FrameCount - previous.TransitionFrames;
        if (transition.Frames > frames || transition.Frames > previousFree)
        {
            throw new RenderInputException(
                "transition_too_long",
                $"The {transition.Kind.ToString().ToLowerInvariant()} transition into scene {scenes.Count + 1} lasts {transition.Frames} frames ({fps.Seconds(transition.Frames):0.###} s), "
                + $"longer than that scene ({frames} frames) or than what the scene before it leaves after its own transition ({previousFree} frames).");
        }
    }

    internal static RgbaColor BindColor(string template, IReadOnlyDictionary<string, string> parameters, string field)
    {
        var variables = VariableTemplate.Parse(template);
        var text = variables.Bind(parameters);
        if (RgbaColor.TryParse(text, out var color))
        {
            return color;
        }

        var names = string.Join(", ", variables.Variables.Select(v => $"'{v.Name}'"));
        throw new RenderInputException(
            "invalid_param",
            $"The {field} {(names.Length > 0 ? $"from {names} " : "")}is '{Truncate(text)}', which is not a colour (#rgb, #rrggbb or #rrggbbaa).");
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    internal static int ToFrames(double seconds, FrameRate fps) => fps.ToFrames(seconds);
}
