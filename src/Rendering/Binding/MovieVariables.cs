using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// The variables a movie uses (for <c>GET /v1/sdlvariables</c>), each once, in the order they first appear, with its
/// default and the kind of the first field it feeds: every <c>${…}</c> in a field, and the names that conditions and
/// choices use bare, in case and default scenes too.
/// </summary>
public static class MovieVariables
{
    public static IReadOnlyList<MovieVariable> Of(Movie movie)
    {
        var found = new Dictionary<string, MovieVariable>(StringComparer.Ordinal);
        void Add(string? field, string type)
        {
            if (field is null)
            {
                return;
            }

            foreach (var reference in VariableTemplate.Parse(field).Variables)
            {
                found.TryAdd(reference.Name, new MovieVariable(reference.Name, reference.DefaultValue, type));
            }
        }

        void AddName(string? name, string type)
        {
            if (name is not null)
            {
                found.TryAdd(name.TrimStart('!'), new MovieVariable(name.TrimStart('!'), null, type));
            }
        }

        IEnumerable<Scene> WithCases(Scene scene) =>
            [scene, .. scene.Cases.Append(scene.Default).OfType<Scene>().SelectMany(WithCases)];

        Add(movie.Background, "color");
        Add(movie.Font, "text");
        Add(movie.Audio?.Url, "url");
        foreach (var scene in movie.Scenes.SelectMany(WithCases))
        {
            AddName(scene.Condition, "boolean");
            AddName(scene.Variable, "text");
            Add(scene.Background, "color");
            foreach (var layer in scene.Layers)
            {
                if (layer.Look.Condition is { } condition)
                {
                    var name = condition.TrimStart('!');
                    found.TryAdd(name, new MovieVariable(name, null, "boolean"));
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
                        AddName(sound.Condition, "boolean");
                        break;
                }
            }
        }

        return [.. found.Values];
    }
}
