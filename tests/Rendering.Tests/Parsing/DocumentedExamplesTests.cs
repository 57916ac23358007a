using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>Every movie and layer example in docs/movie-format.md is accepted by the parser, so the docs match the code.</summary>
public sealed partial class DocumentedExamplesTests
{
    public static TheoryData<int, string> Examples()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "movie-format.md"));
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (Match block in JsonBlock().Matches(markdown))
        {
            data.Add(index++, block.Groups[1].Value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_parses(int index, string example)
    {
        JsonElement[] items;
        try
        {
            items = JsonSerializer.Deserialize<JsonElement[]>($"[{example}]")!;
        }
        catch (JsonException)
        {
            return; // An excerpt with "…" (the error response), not a movie.
        }

        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var isScene = item.TryGetProperty("layers", out _) || item.TryGetProperty("duration", out _) && item.TryGetProperty("condition", out _)
                || item.TryGetProperty("cases", out _);
            var movie = item.TryGetProperty("scenes", out _) ? item.GetRawText()
                : isScene ? $$"""{"scenes": [{"duration": 1}, {{item.GetRawText()}}]}"""
                : item.TryGetProperty("type", out _) ? $$"""{"scenes": [{"duration": 4, "layers": [{{item.GetRawText()}}]}]}"""
                : null;
            if (movie is null)
            {
                continue;
            }

            var result = MovieParser.Parse(movie);
            Assert.True(result.Errors.Count == 0, $"example {index}: {string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Message}"))}");
        }
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
