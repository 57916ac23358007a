using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// Decides which authored scenes are rendered for a set of params: scenes whose condition does not hold are left out,
/// and a choice becomes the case its variable picks (or its default, or nothing). A case without a transition of its
/// own takes the choice's.
/// </summary>
public static class ScenePicker
{
    public static IReadOnlyList<Scene> Pick(IEnumerable<Scene> scenes, IReadOnlyDictionary<string, string> parameters) =>
        [.. scenes.Select(s => Pick(s, parameters)).OfType<Scene>()];

    private static Scene? Pick(Scene scene, IReadOnlyDictionary<string, string> parameters)
    {
        if (scene.Condition is { } condition && !Conditions.Holds(condition, parameters))
        {
            return null;
        }

        if (scene.Type != SceneType.Choice)
        {
            return scene;
        }

        var value = scene.Variable is { } variable && parameters.TryGetValue(variable, out var given) ? given : null;
        var chosen = scene.Cases.FirstOrDefault(c => value is not null && string.Equals(c.Case, value, StringComparison.Ordinal)) ?? scene.Default;
        return chosen is null ? null : Pick(chosen with { Transition = chosen.Transition ?? scene.Transition }, parameters);
    }
}
