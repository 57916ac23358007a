using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// Binds scene reuse: a view becomes its scenes, bound like any scene (layers with the same params) and joined by cuts
/// from the view's first frame; a custom transition becomes its background and layers, timed from its first frame. The
/// parser has already bounded how deep views nest and how many layers they add (<see cref="Parsing.SceneReuseChecker"/>).
/// </summary>
internal static class SceneReuseBinder
{
    public static SceneViewContent View(Movie movie, SceneViewLayer view, IReadOnlyDictionary<string, string> parameters)
    {
        var scenes = new List<TimelineScene>();
        var start = 0;
        foreach (var scene in view.Scenes.Select(v => Viewed(movie, v)))
        {
            var frames = Frames(movie, scene, parameters);
            var background = MovieBinder.BindColor(scene.Background ?? movie.Background, parameters, "background");
            var layers = scene.Layers.Where(l => l is not AudioLayer)
                .Select(l => MovieBinder.BindLayer(movie, l, frames, parameters))
                .OfType<TimelineLayer>()
                .ToList();
            scenes.Add(new TimelineScene(start, frames, background, layers));
            start += frames;
        }

        return new SceneViewContent(scenes);
    }

    /// <summary>The frames a view's scenes last together: its natural length.</summary>
    public static int Frames(Movie movie, SceneViewLayer view, IReadOnlyDictionary<string, string> parameters) =>
        view.Scenes.Sum(v => Frames(movie, Viewed(movie, v), parameters));

    public static SceneTransition Transition(Movie movie, Transition authored, IReadOnlyDictionary<string, string> parameters)
    {
        var frames = Math.Max(1, MovieBinder.ToFrames(authored.Duration, movie.Fps));
        var transition = new SceneTransition(authored.Kind, frames);
        if (authored.Kind != TransitionKind.Custom)
        {
            return transition;
        }

        return transition with
        {
            Background = authored.Background is null ? transition.Background : MovieBinder.BindColor(authored.Background, parameters, "background"),
            Layers = [.. authored.Layers.Select(l => MovieBinder.BindLayer(movie, l, frames, parameters)).OfType<TimelineLayer>()],
        };
    }

    /// <summary>
    /// The scenes that <paramref name="scenes"/> hold besides their cases: the movie's definitions, scenes written inside
    /// views (also inside those), and each custom transition's layers as a scene of the transition's length.
    /// </summary>
    public static IEnumerable<Scene> HeldScenes(Movie movie, IReadOnlyList<Scene> scenes)
    {
        var pending = new Queue<Scene>(scenes.Concat(movie.SceneDefinitions));
        foreach (var definition in movie.SceneDefinitions)
        {
            yield return definition;
        }

        while (pending.TryDequeue(out var scene))
        {
            if (scene.Transition is { Kind: TransitionKind.Custom } transition)
            {
                var held = new Scene(new SceneLength(transition.Duration, null), transition.Background, transition.Layers);
                pending.Enqueue(held);
                yield return held;
            }

            var layers = scene.Layers.SelectMany(l => l.Look.Mask?.Source is { } mask ? [l, mask] : new[] { l });
            foreach (var inline in layers.OfType<SceneViewLayer>().SelectMany(v => v.Scenes).Select(v => v.Inline).OfType<Scene>())
            {
                pending.Enqueue(inline);
                yield return inline;
            }
        }
    }

    private static int Frames(Movie movie, Scene scene, IReadOnlyDictionary<string, string> parameters) =>
        Math.Max(1, MovieBinder.FixedFrames(scene.Length, movie.Fps, parameters));

    private static Scene Viewed(Movie movie, ViewedScene viewed) => viewed.Inline
        ?? movie.Scenes.Concat(movie.SceneDefinitions).FirstOrDefault(s => s.Id == viewed.Id)
        ?? throw new InvalidOperationException($"The view names '{viewed.Id}', which the parser should have refused.");
}
