using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// The variables a movie uses (for <c>GET /v1/sdlvariables</c>), each once, in the order they first appear, with its
/// default, the kind of the first field it feeds and the frames of that first use (as impossible.io's
/// <c>offset</c>/<c>numframes</c>): every <c>${…}</c> in a field, and the names that conditions and choices use bare,
/// in case and default scenes too. Frames are counted with every optional scene present, a choice as long as its first
/// case, and an <c>auto</c> scene as 0 frames (its media is not probed here).
/// </summary>
public static class MovieVariables
{
    public static IReadOnlyList<MovieVariable> Of(Movie movie)
    {
        var found = new Dictionary<string, MovieVariable>(StringComparer.Ordinal);
        var (useStart, useFrames) = (0, 0);
        void Add(string? field, string type)
        {
            if (field is null)
            {
                return;
            }

            foreach (var reference in VariableTemplate.Parse(field).Variables)
            {
                found.TryAdd(reference.Name, new MovieVariable(reference.Name, reference.DefaultValue, type, useStart, useFrames));
            }
        }

        void AddName(string? name, string type)
        {
            if (name is not null)
            {
                found.TryAdd(name.TrimStart('!'), new MovieVariable(name.TrimStart('!'), null, type, useStart, useFrames));
            }
        }

        var scenes = Placed(movie);
        (useStart, useFrames) = (0, scenes.Where(s => s.TopLevel).Select(s => s.Start + s.Frames).DefaultIfEmpty(0).Max());
        Add(movie.Background, "color");
        Add(movie.Font, "text");
        Add(movie.Audio?.Url, "url");
        foreach (var (scene, start, frames, _) in scenes)
        {
            (useStart, useFrames) = (start, frames);
            AddName(scene.Condition, "boolean");
            AddName(scene.Variable, "text");
            Add(scene.Length.Template, "number");
            Add(scene.Background, "color");
            foreach (var layer in scene.Layers)
            {
                var layerStart = Math.Min(MovieBinder.ToFrames(layer.Timing.Start, movie.Fps), frames);
                var layerEnd = layer.Timing.Duration is { } duration ? Math.Min(layerStart + MovieBinder.ToFrames(duration, movie.Fps), frames) : frames;
                (useStart, useFrames) = (start + layerStart, layerEnd - layerStart);
                if (layer.Look.Condition is { } condition)
                {
                    AddName(condition, "boolean");
                }

                foreach (var number in layer.NumberTemplates.Values)
                {
                    Add(number, "number");
                }

                switch (layer)
                {
                    case SolidLayer solid:
                        Add(solid.Color, "color");
                        break;
                    case ShapeLayer shape:
                        Add(shape.Fill, "color");
                        Add(shape.Stroke, "color");
                        break;
                    case TextLayer text:
                        Add(text.Text, "text");
                        Add(text.Color, "color");
                        Add(text.Font, "text");
                        Add(text.Style.OutlineColor, "color");
                        Add(text.Style.ShadowColor, "color");
                        Add(text.Style.BackgroundColor, "color");
                        break;
                    case ImageLayer image:
                        Add(image.Url, "url");
                        break;
                    case VideoLayer video:
                        Add(video.Url, "url");
                        break;
                    case AudioLayer sound:
                        Add(sound.Url, "url");
                        Add(sound.Speech?.Text, "text");
                        Add(sound.Speech?.Voice, "text");
                        AddName(sound.Condition, "boolean");
                        break;
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>A scene's frames with its variables' defaults; 0 when a length from params has no default.</summary>
    private static int DefaultFrames(SceneLength length, FrameRate fps)
    {
        try
        {
            return MovieBinder.FixedFrames(length, fps, new Dictionary<string, string>());
        }
        catch (RenderInputException)
        {
            return 0;
        }
    }

    /// <summary>Every scene in authored order (a choice, then its cases and default) with its first frame and length in frames.</summary>
    private static List<(Scene Scene, int Start, int Frames, bool TopLevel)> Placed(Movie movie)
    {
        var placed = new List<(Scene, int, int, bool)>();
        int Length(Scene scene) => scene.Type == SceneType.Choice
            ? scene.Cases.Append(scene.Default).OfType<Scene>().Select(Length).FirstOrDefault()
            : scene.Length.Auto ? 0 : Math.Max(1, DefaultFrames(scene.Length, movie.Fps));

        void Place(Scene scene, int start, bool topLevel)
        {
            placed.Add((scene, start, Length(scene), topLevel));
            foreach (var option in scene.Cases.Append(scene.Default).OfType<Scene>())
            {
                Place(option, start, false);
            }
        }

        var next = 0;
        foreach (var scene in movie.Scenes)
        {
            var transition = next > 0 && scene.Transition is { } authored ? Math.Max(1, MovieBinder.ToFrames(authored.Duration, movie.Fps)) : 0;
            var start = Math.Max(0, next - transition);
            Place(scene, start, true);
            next = start + Length(scene);
        }

        foreach (var reused in SceneReuseBinder.HeldScenes(movie, placed.Select(p => p.Item1).ToList()))
        {
            placed.Add((reused, 0, Length(reused), false));
        }

        return placed;
    }
}
