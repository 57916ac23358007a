using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Checks scene reuse across the whole movie once every scene is read: ids are unique, every view names scenes that
/// exist and can be viewed, no view shows itself through other views (a cycle), views nest at most
/// <see cref="MovieLimits.MaxViewDepth"/> deep and add at most <see cref="MovieLimits.MaxViewLayers"/> layers once
/// expanded (each viewed scene's background counts as one: it is composed like a layer); and each custom transition's <c>ref</c> names one of its two scenes (an id becomes <c>previous</c> or
/// <c>next</c>). Problems are reported at the JSON path of the view or layer, naming the chain of ids.
/// </summary>
internal sealed class SceneReuseChecker
{
    private readonly ObjectReader root;
    private readonly Dictionary<string, (Scene Scene, string Path)> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Measure> measured = new(StringComparer.Ordinal);

    private SceneReuseChecker(ObjectReader root) => this.root = root;

    /// <summary>The scenes with their custom transitions' refs resolved; problems go to <paramref name="root"/>.</summary>
    public static IReadOnlyList<Scene> Check(ObjectReader root, IReadOnlyList<Scene> scenes, IReadOnlyList<Scene> definitions)
    {
        var checker = new SceneReuseChecker(root);
        for (var i = 0; i < scenes.Count; i++)
        {
            checker.Register(scenes[i], $"scenes[{i}]");
        }

        for (var i = 0; i < definitions.Count; i++)
        {
            checker.Register(definitions[i], $"sceneDefinitions[{i}]");
        }

        var added = 0;
        for (var i = 0; i < scenes.Count; i++)
        {
            var measure = checker.MeasureChoices(scenes[i], $"scenes[{i}]");
            added += measure.Layers;
            if (measure.Depth > MovieLimits.MaxViewDepth)
            {
                root.Error(measure.DeepestPath!, $"shows views of views {measure.Depth} levels deep ({string.Join(" → ", measure.DeepestChain)}); at most {MovieLimits.MaxViewDepth} are allowed.");
            }
        }

        for (var i = 0; i < definitions.Count; i++)
        {
            checker.MeasureById(definitions[i].Id, definitions[i], $"sceneDefinitions[{i}]", []);
        }

        if (added > MovieLimits.MaxViewLayers)
        {
            root.Error("scenes", $"add {added} layers through their views once expanded; at most {MovieLimits.MaxViewLayers} are allowed.");
        }

        return [.. scenes.Select((scene, i) => checker.ResolveRefs(scene, i > 0 ? scenes[i - 1].Id : null, $"scenes[{i}]"))];
    }

    private void Register(Scene scene, string path)
    {
        if (scene.Id is not { } id)
        {
            return;
        }

        if (!ids.TryAdd(id, (scene, path)))
        {
            root.Error($"{path}.id", $"'{id}' is already the id of {ids[id].Path}: ids must be unique.");
        }
    }

    private Measure MeasureChoices(Scene scene, string path)
    {
        var measure = MeasureScene(scene, path, scene.Id is { } id ? [id] : []);
        for (var c = 0; c < scene.Cases.Count; c++)
        {
            measure = measure.Max(MeasureChoices(scene.Cases[c], $"{path}.cases[{c}]"));
        }

        return scene.Default is { } fallback ? measure.Max(MeasureChoices(fallback, $"{path}.default")) : measure;
    }

    private Measure MeasureById(string? id, Scene scene, string path, List<string> chain)
    {
        if (id is not null && measured.TryGetValue(id, out var known))
        {
            return known;
        }

        var measure = MeasureScene(scene, path, id is null ? chain : [.. chain, id]);
        if (id is not null)
        {
            measured[id] = measure;
        }

        return measure;
    }

    /// <summary>How deep the views in <paramref name="scene"/> nest and how many layers they add, expanded.</summary>
    private Measure MeasureScene(Scene scene, string path, List<string> chain)
    {
        var result = Measure.None;
        for (var l = 0; l < scene.Layers.Count; l++)
        {
            var layerPath = $"{path}.layers[{l}]";
            foreach (var (view, viewPath) in Views(scene.Layers[l], layerPath))
            {
                for (var k = 0; k < view.Scenes.Count; k++)
                {
                    if (Viewed(view.Scenes[k], $"{viewPath}.scenes[{k}]", chain) is not var (target, targetPath, inner))
                    {
                        continue;
                    }

                    var measure = target.Id is { } targetId && view.Scenes[k].Id is not null
                        ? MeasureById(targetId, target, targetPath, chain)
                        : MeasureScene(target, targetPath, chain);
                    var layers = 1 + target.Layers.Count(t => t is not AudioLayer) + measure.Layers;
                    result = result.Max(new Measure(measure.Depth + 1, 0, viewPath, [.. inner, .. measure.DeepestChain])) with { Layers = result.Layers + layers };
                }
            }
        }

        return result;
    }

    /// <summary>The scene a view names, or null (with a problem) when it names none, closes a cycle or cannot be viewed.</summary>
    private (Scene Scene, string Path, string[] Chain)? Viewed(ViewedScene viewed, string path, List<string> chain)
    {
        if (viewed.Inline is { } inline)
        {
            return (inline, path, ["(in place)"]);
        }

        var id = viewed.Id!;
        if (!ids.TryGetValue(id, out var target))
        {
            root.Error(path, $"'{id}' is not the id of a scene or scene definition of this movie.");
            return null;
        }

        if (chain.Contains(id))
        {
            root.Error(path, $"makes a cycle: {string.Join(" → ", chain.Append(id))} shows itself through its views.");
            return null;
        }

        if (target.Scene.Length.Auto || target.Scene.Type == SceneType.Choice)
        {
            root.Error(path, $"'{id}' cannot be viewed: a scene a view shows has a fixed length (not \"auto\", not a choice).");
            return null;
        }

        return (target.Scene, target.Path, [id]);
    }

    private static IEnumerable<(SceneViewLayer View, string Path)> Views(Layer layer, string path)
    {
        if (layer is SceneViewLayer view)
        {
            yield return (view, path);
        }

        if (layer.Look.Mask?.Source is SceneViewLayer maskView)
        {
            yield return (maskView, $"{path}.mask.layer");
        }
    }

    /// <summary>The scene with its custom transition's <c>ref</c>s as <c>previous</c>/<c>next</c>, also in a choice's cases.</summary>
    private Scene ResolveRefs(Scene scene, string? previousId, string path)
    {
        var resolved = scene with
        {
            Cases = [.. scene.Cases.Select((c, i) => ResolveRefs(c, previousId, $"{path}.cases[{i}]"))],
            Default = scene.Default is { } fallback ? ResolveRefs(fallback, previousId, $"{path}.default") : null,
        };
        if (scene.Transition is not { Kind: TransitionKind.Custom } transition)
        {
            return resolved;
        }

        var layers = transition.Layers.Select((layer, k) => layer is SceneRefLayer reference
            ? reference with { Ref = Resolve(reference.Ref, previousId, scene.Id, $"{path}.transition.layers[{k}].ref") }
            : layer);
        return resolved with { Transition = transition with { Layers = [.. layers] } };
    }

    private string Resolve(string reference, string? previousId, string? nextId, string path)
    {
        if (reference is SceneRefLayer.Previous or SceneRefLayer.Next)
        {
            return reference;
        }

        if (reference == nextId)
        {
            return SceneRefLayer.Next;
        }

        if (reference == previousId)
        {
            return SceneRefLayer.Previous;
        }

        root.Error(path, $"'{reference}' is neither previous, next, nor the id of the scene written just before or just after this transition.");
        return SceneRefLayer.Previous;
    }

    /// <summary>Views nest <c>Depth</c> levels deep and add <c>Layers</c> layers; the deepest nesting starts at <c>DeepestPath</c>.</summary>
    private sealed record Measure(int Depth, int Layers, string? DeepestPath, string[] DeepestChain)
    {
        public static readonly Measure None = new(0, 0, null, []);

        public Measure Max(Measure other) => (other.Depth > Depth ? other : this) with { Layers = Math.Max(Layers, other.Layers) };
    }
}
