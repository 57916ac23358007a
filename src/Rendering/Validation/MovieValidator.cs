using System.Globalization;
using System.Text.Json;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Text;

namespace Orleans.Render.Rendering.Validation;

/// <summary>
/// Checks a stored movie with a set of params without rendering it: the movie parses; every variable without a default
/// has a param (params the movie never uses are warnings); media URLs are project assets of the right kind or http(s)
/// URLs that answer under the fetcher's rules (a bounded request, no body read); fonts exist; the whole movie binds
/// (colours, transitions); text that will be shrunk or clipped is laid out with the rasterizer's own measuring.
/// </summary>
public sealed class MovieValidator(
    TextRasterizer textRasterizer, CpuWork cpu, RemoteMediaFetcher fetcher, MediaPreparer preparer, IProjectFontCatalog fonts, MediaLengthProbe lengths)
{
    /// <param name="assetKinds">The project's assets: name → kind (image, font, video, audio).</param>
    public async Task<MovieValidation> ValidateAsync(
        string project,
        string movieJson,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> assetKinds,
        string workDirectory,
        CancellationToken cancellationToken)
    {
        var parsed = MovieParser.Parse(movieJson);
        if (parsed.Movie is null)
        {
            return new MovieValidation([.. parsed.Errors.Select(e => new ValidationProblem(e.Path, e.Message))], []);
        }

        var errors = new List<ValidationProblem>();
        var warnings = new List<ValidationProblem>();
        var fields = new MovieFields();
        using (var document = JsonDocument.Parse(movieJson))
        {
            fields.Walk(document.RootElement, "$", parent: null, null);
        }

        CheckVariables(fields, parameters, errors, warnings);
        await Task.WhenAll(fields.Urls.Select(url => CheckUrlAsync(url, parameters, assetKinds, errors, cancellationToken)));
        foreach (var (path, template) in fields.Fonts)
        {
            if (TryBind(template, parameters) is { } font && !textRasterizer.IsInstalled(font)
                && await fonts.FindFontAssetAsync(project, font, cancellationToken) is null)
            {
                warnings.Add(new(path, $"The font '{Short(font)}' is neither installed nor a project font; DejaVu Sans is used."));
            }
        }

        if (errors.Count == 0)
        {
            IReadOnlyDictionary<string, double>? mediaSeconds = null;
            try
            {
                mediaSeconds = await lengths.ReadAsync(parsed.Movie, parameters, project, workDirectory, cancellationToken);
                MovieBinder.Bind(parsed.Movie, parameters, mediaSeconds);
            }
            catch (RenderInputException ex)
            {
                errors.Add(new(BindErrorPath(parsed.Movie, parameters, mediaSeconds, ex), $"{ex.Message} ({ex.Code})"));
            }
        }

        if (errors.Count == 0)
        {
            await CheckTextFitAsync(project, parsed.Movie, parameters, workDirectory, warnings, cancellationToken);
        }

        return new MovieValidation(Sorted(errors), Sorted(warnings));
    }

    private static void CheckVariables(
        MovieFields fields, IReadOnlyDictionary<string, string> parameters, List<ValidationProblem> errors, List<ValidationProblem> warnings)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, reference) in fields.Variables)
        {
            if (reference.DefaultValue is null && !parameters.ContainsKey(reference.Name) && reported.Add($"{path}|{reference.Name}"))
            {
                errors.Add(new(path, $"The variable '{reference.Name}' has no default and no param gives it a value."));
            }
        }

        var used = fields.Variables.Select(v => v.Reference.Name).Concat(fields.Names).ToHashSet(StringComparer.Ordinal);
        foreach (var name in parameters.Keys.Where(n => !used.Contains(n)).Order(StringComparer.Ordinal))
        {
            warnings.Add(new($"params.{name}", $"The param '{Short(name)}' is not used by the movie."));
        }
    }

    private async Task CheckUrlAsync(
        MediaField url,
        IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> assetKinds,
        List<ValidationProblem> errors,
        CancellationToken cancellationToken)
    {
        if (TryBind(url.Template, parameters) is not { } bound)
        {
            return;
        }

        string? problem;
        try
        {
            var reference = MediaReference.Parse(bound);
            if (reference.AssetName is { } name)
            {
                problem = !assetKinds.TryGetValue(name, out var kind) ? $"The project has no asset '{name}' (asset_missing)."
                    : url.ExpectedKind is { } expected && kind != expected && !(expected == "audio" && kind == "video") ? $"The asset '{name}' is {WithArticle(kind)} file, not {(expected == "audio" ? "an audio or video" : WithArticle(expected))} file."
                    : null;
            }
            else
            {
                await fetcher.CheckAsync(reference.Url!.AbsoluteUri, cancellationToken);
                problem = null;
            }
        }
        catch (RenderInputException ex)
        {
            problem = $"{ex.Message} ({ex.Code})";
        }

        if (problem is not null)
        {
            lock (errors)
            {
                errors.Add(new(url.Path, problem));
            }
        }
    }

    /// <summary>
    /// Each text layer is bound on its own (a one-scene, one-layer movie, whatever the scene's kind or condition) so its
    /// warning carries its path; the cases and default of a choice are checked too.
    /// </summary>
    private async Task CheckTextFitAsync(
        string project, Movie movie, IReadOnlyDictionary<string, string> parameters, string workDirectory, List<ValidationProblem> warnings, CancellationToken cancellationToken)
    {
        foreach (var (scenePath, scene) in ConcreteScenes(movie))
        {
            for (var l = 0; l < scene.Layers.Count; l++)
            {
                if (scene.Layers[l] is not TextLayer text)
                {
                    continue;
                }

                // Alone, an "auto" scene has nothing to take its length from; its text fits the same at any length.
                var length = scene.Length.Auto ? new SceneLength(MovieLimits.MaxMovieSeconds, null) : scene.Length;
                var alone = scene with { Length = length, Layers = [text], Type = SceneType.Regular, Condition = null, Transition = null, Case = null };
                if (MovieBinder.Bind(movie with { Scenes = [alone] }, parameters).Scenes[0].Layers is not [{ Content: TextContent content }, ..])
                {
                    continue;
                }

                var block = await preparer.WithProjectFontAsync(content.Block, project, workDirectory, cancellationToken);
                var layout = await cpu.RunAsync(() => textRasterizer.Layout(block), cancellationToken);
                var path = string.Create(CultureInfo.InvariantCulture, $"{scenePath}.layers[{l}].text");
                if (!layout.Fits)
                {
                    warnings.Add(new(path, $"The text does not fit its {block.Width}x{block.Height} box even at {layout.FontSize:0.#} px and is cut off."));
                }
                else if (layout.FontSize < block.FontSize)
                {
                    warnings.Add(new(path, string.Create(
                        CultureInfo.InvariantCulture,
                        $"The text is shrunk from {block.FontSize:0.#} px to {layout.FontSize:0.#} px to fit its {block.Width}x{block.Height} box.")));
                }
            }
        }
    }

    /// <summary>
    /// A transition that is too long is located by binding the scenes these params pick one more at a time; other bind
    /// errors (a param that is no colour or number) name their variable in the message and stay at the root.
    /// </summary>
    private static string BindErrorPath(
        Movie movie, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, double>? mediaSeconds, RenderInputException error)
    {
        if (error.Code != "transition_too_long")
        {
            return "$";
        }

        var picked = ScenePicker.Pick(movie.Scenes, parameters);
        for (var count = 2; count <= picked.Count; count++)
        {
            try
            {
                MovieBinder.Bind(movie with { Scenes = [.. picked.Take(count).Select(s => s with { Type = SceneType.Regular, Condition = null })] }, parameters, mediaSeconds);
            }
            catch (RenderInputException e) when (e.Code == "transition_too_long")
            {
                // The picker hands a case its choice's transition when it has none, so compare without the transition.
                var scene = picked[count - 1];
                var (path, authored) = ConcreteScenes(movie).FirstOrDefault(c => Equals(c.Scene with { Transition = scene.Transition }, scene));
                return path is null ? "$"
                    : authored.Transition is not null ? $"{path}.transition"
                    : $"{path[..(path.IndexOf(']') + 1)]}.transition";
            }
        }

        return "$";
    }

    private static IEnumerable<(string Path, Scene Scene)> ConcreteScenes(Movie movie)
    {
        for (var s = 0; s < movie.Scenes.Count; s++)
        {
            var scene = movie.Scenes[s];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.scenes[{s}]");
            if (scene.Type != SceneType.Choice)
            {
                yield return (path, scene);
                continue;
            }

            for (var c = 0; c < scene.Cases.Count; c++)
            {
                yield return (string.Create(CultureInfo.InvariantCulture, $"{path}.cases[{c}]"), scene.Cases[c]);
            }

            if (scene.Default is { } fallback)
            {
                yield return ($"{path}.default", fallback);
            }
        }
    }

    /// <summary>The field's value with params filled in, or null when a variable has no value (reported separately).</summary>
    private static string? TryBind(VariableTemplate template, IReadOnlyDictionary<string, string> parameters)
    {
        try
        {
            return template.Bind(parameters);
        }
        catch (RenderInputException)
        {
            return null;
        }
    }

    private static List<ValidationProblem> Sorted(List<ValidationProblem> problems) =>
        [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Message, StringComparer.Ordinal)];

    private static string WithArticle(string kind) => (kind is "image" or "audio" ? "an " : "a ") + kind;

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
