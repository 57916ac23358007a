using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Orleans.Render.TestSupport.Fuzzing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>
/// Thousands of hostile variants of the documented movies (docs/movie-format.md) through the JSON parser, the XML
/// translator and the bind step: each answers with errors or a movie, never an unexpected exception or a hang.
/// <c>FUZZ_CASES</c> and <c>FUZZ_SEED</c> run longer or other sessions (<see cref="FuzzSettings"/>).
/// </summary>
public sealed partial class MovieParsersFuzzTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "movie-format.md"));

    [Fact]
    public void Mutated_json_movies_are_parsed_and_bound_or_refused_never_crash()
    {
        var mutator = new JsonMutator(DocumentedMovies());
        FuzzRunner.Run(FuzzSettings.Cases(1500), mutator.Next, bytes => ParseAndBind(Encoding.UTF8.GetString(bytes)), FuzzRunner.Head);
    }

    [Fact]
    public void Mutated_xml_templates_are_translated_or_refused_never_crash()
    {
        var mutator = new XmlMutator([DocumentedXml()]);
        FuzzRunner.Run(FuzzSettings.Cases(500), mutator.Next, xml =>
        {
            var translation = XmlMovieTranslator.Translate(xml);
            Assert.True(translation.Errors.Count > 0 || translation.Json is not null);
            if (translation.Json is not null && translation.Errors.Count == 0)
            {
                ParseAndBind(translation.Json);
            }
        }, FuzzRunner.Head);
    }

    /// <summary>Parses the movie; when it is valid, binds it with hostile values for each of its variables.</summary>
    private static void ParseAndBind(string json)
    {
        var parsed = MovieParser.Parse(json);
        Assert.True(parsed.Errors.Count > 0 ^ parsed.Movie is not null);
        if (parsed.Movie is null)
        {
            return;
        }

        var index = json.Length;
        var parameters = MovieVariables.Of(parsed.Movie).ToDictionary(
            v => v.Name, _ => HostileValues.Decoded(index++));
        try
        {
            MovieBinder.Bind(parsed.Movie, parameters);
        }
        catch (RenderInputException)
        {
            // A param the movie cannot use is the caller's mistake, answered with its code.
        }
    }

    /// <summary>Every example of docs/movie-format.md as a whole movie (a scene or layer example inside a minimal one).</summary>
    internal static IReadOnlyList<string> DocumentedMovies()
    {
        var movies = new List<string>();
        foreach (Match block in JsonBlock().Matches(Doc))
        {
            JsonElement[] items;
            try
            {
                items = JsonSerializer.Deserialize<JsonElement[]>($"[{block.Groups[1].Value}]")!;
            }
            catch (JsonException)
            {
                continue;
            }

            foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var raw = item.GetRawText();
                movies.Add(item.TryGetProperty("scenes", out _) ? raw
                    : item.TryGetProperty("layers", out _) || item.TryGetProperty("cases", out _) ? $$"""{"scenes": [{"duration": 1}, {{raw}}]}"""
                    : $$"""{"scenes": [{"duration": 4, "layers": [{{raw}}]}]}""");
            }
        }

        Assert.True(movies.Count >= 10, $"only {movies.Count} documented movies found");
        return movies;
    }

    private static string DocumentedXml()
    {
        var start = Doc.IndexOf("```xml", StringComparison.Ordinal) + "```xml".Length;
        return Doc[start..Doc.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
