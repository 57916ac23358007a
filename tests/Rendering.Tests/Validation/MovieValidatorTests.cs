using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Tests.Engine;
using Orleans.Render.Rendering.Validation;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Validation;

/// <summary>
/// Each check of <see cref="MovieValidator"/> on its own, with the path and message it reports: project assets are
/// given as name → kind, remote URLs answer from the fixture's loopback server, project fonts are files in the fixture's
/// asset folder.
/// </summary>
public sealed partial class MovieValidatorTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string Project = "validation";
    private const string ProjectFont = "ValidatorFont16A";

    private static readonly Dictionary<string, string> AssetKinds = new()
    {
        ["logo.png"] = "image",
        ["brand.ttf"] = "font",
        ["clip.mp4"] = "video",
        ["music.mp3"] = "audio",
        ["grade.cube"] = "lut",
    };

    private Task<MovieValidation> ValidateAsync(string movie, Dictionary<string, string>? parameters = null)
    {
        fixture.Assets.Add(Project, "brand.ttf", TestFonts.RenamedMono(ProjectFont));
        return fixture.Services.GetRequiredService<MovieValidator>()
            .ValidateAsync(Project, movie, parameters ?? [], AssetKinds, fixture.Work, CancellationToken.None);
    }

    private static (string Path, string Message)[] None => [];

    private static (string Path, string Message)[] Pairs(IEnumerable<ValidationProblem> problems) =>
        [.. problems.Select(p => (p.Path, p.Message))];

    /// <summary>A one-scene 320x180 movie with the given layers (JSON objects, comma-separated).</summary>
    private static string WithLayers(string layers) =>
        $$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [{{layers}}]}]}""";

    [Fact]
    public async Task The_quickstart_movie_validates_as_the_api_docs_show()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var hello = QuickstartMovie().Match(readme).Groups[1].Value;
        var api = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api.md"));
        var documented = JsonDocument.Parse(string.Concat(
            DocumentedValidation().Match(api).Groups[1].Value.Split('\n').Select(line => line.TrimStart().TrimStart('#').Trim()))).RootElement;

        var valid = await ValidateAsync(hello, new() { ["name"] = "Alex" });
        var misspelt = await ValidateAsync(hello, new() { ["nmae"] = "Alex" });

        Assert.Empty(valid.Errors);
        Assert.Empty(valid.Warnings);
        Assert.Equal(
            [.. documented.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!))],
            Pairs(misspelt.Errors));
        Assert.Equal(
            [.. documented.GetProperty("warnings").EnumerateArray().Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!))],
            Pairs(misspelt.Warnings));
    }

    [Fact]
    public async Task The_complete_example_of_the_movie_format_is_valid_with_its_photo_from_a_reachable_url()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "movie-format.md"));
        var example = CompleteExample().Match(markdown).Groups[1].Value;

        var result = await ValidateAsync(example, new() { ["photo"] = fixture.Media.Url("logo.png") });

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_movie_that_does_not_parse_reports_only_the_parser_problems()
    {
        var result = await ValidateAsync(WithLayers("""{"type": "text", "text": "${name}", "fontSize": 5000, "colour": "#fff"}"""), new() { ["unused"] = "x" });

        Assert.Equal(
            [("$.scenes[0].layers[0].colour", "is not a known field here."), ("$.scenes[0].layers[0].fontSize", "must be between 1 and 1000.")],
            Pairs(result.Errors).Order());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task A_variable_without_default_or_param_is_one_error_per_field_using_it()
    {
        var movie = WithLayers("""
            {"type": "text", "text": "${name} and ${name}, ${title, Dr}", "fontSize": 20, "width": 320, "height": 90},
            {"type": "text", "text": "Bye ${name}", "fontSize": 20, "y": 90, "width": 320, "height": 90}
            """);

        var missing = await ValidateAsync(movie);
        var given = await ValidateAsync(movie, new() { ["name"] = "Ada" });

        Assert.Equal(
            [
                ("$.scenes[0].layers[0].text", "The variable 'name' has no default and no param gives it a value."),
                ("$.scenes[0].layers[1].text", "The variable 'name' has no default and no param gives it a value."),
            ],
            Pairs(missing.Errors));
        Assert.Empty(given.Errors);
        Assert.Empty(given.Warnings);
    }

    [Fact]
    public async Task Params_the_movie_does_not_use_are_warnings_while_condition_and_choice_names_count_as_used()
    {
        var movie = """
            {"width": 320, "height": 180, "scenes": [
              {"duration": 1, "layers": [{"type": "solid", "color": "${bg, #000000}", "condition": "!vip"}]},
              {"type": "choice", "variable": "plan", "cases": [{"case": "pro", "duration": 1}]}]}
            """;
        var longName = new string('p', 70);

        var result = await ValidateAsync(movie, new() { ["vip"] = "yes", ["plan"] = "pro", ["bg"] = "#ffffff", ["zeta"] = "1", ["alpha"] = "2", [longName] = "3" });

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                ("params.alpha", "The param 'alpha' is not used by the movie."),
                ($"params.{longName}", $"The param '{new string('p', 60)}…' is not used by the movie."),
                ("params.zeta", "The param 'zeta' is not used by the movie."),
            ],
            Pairs(result.Warnings));
    }

    [Theory]
    [InlineData("image", "nope.png", "The project has no asset 'nope.png' (asset_missing).")]
    [InlineData("image", "brand.ttf", "The asset 'brand.ttf' is a font file, not an image file.")]
    [InlineData("image", "logo.png", null)]
    [InlineData("video", "logo.png", "The asset 'logo.png' is an image file, not a video file.")]
    [InlineData("video", "music.mp3", "The asset 'music.mp3' is an audio file, not a video file.")]
    [InlineData("video", "clip.mp4", null)]
    [InlineData("audio", "logo.png", "The asset 'logo.png' is an image file, not an audio or video file.")]
    [InlineData("audio", "music.mp3", null)]
    [InlineData("audio", "clip.mp4", null)]
    public async Task A_url_naming_an_asset_needs_one_of_the_kind_its_layer_plays(string layer, string url, string? expected)
    {
        var box = layer == "audio" ? "" : """, "width": 40, "height": 40""";

        var result = await ValidateAsync(WithLayers($$"""{"type": "{{layer}}", "url": "${media}"{{box}}}"""), new() { ["media"] = url });

        Assert.Equal(expected is null ? None : [("$.scenes[0].layers[0].url", expected)], Pairs(result.Errors));
    }

    [Theory]
    [InlineData("grade.cube", null)]
    [InlineData("other.cube", "The project has no asset 'other.cube' (asset_missing).")]
    public async Task A_lut_filter_needs_its_cube_asset(string url, string? expected)
    {
        var result = await ValidateAsync(WithLayers($$"""{"type": "solid", "color": "#fff", "filters": [{"type": "lut", "url": "{{url}}"}]}"""));

        Assert.Equal(expected is null ? None : [("$.scenes[0].layers[0].filters[0].url", expected)], Pairs(result.Errors));
    }

    [Fact]
    public async Task The_movie_wide_audio_track_is_checked_as_audio()
    {
        var result = await ValidateAsync("""{"width": 320, "height": 180, "audio": {"url": "logo.png"}, "scenes": [{"duration": 1}]}""");

        Assert.Equal([("$.audio.url", "The asset 'logo.png' is an image file, not an audio or video file.")], Pairs(result.Errors));
    }

    [Theory]
    [InlineData("files/missing.png", "(fetch_failed)")]
    [InlineData("http://10.0.0.1/logo.png", "(url_refused)")]
    [InlineData("ftp://example.com/logo.png", "(url_refused)")]
    [InlineData("logo.png", null)]
    public async Task A_remote_url_must_be_allowed_and_answer_with_success(string url, string? code)
    {
        var absolute = url.Contains("://", StringComparison.Ordinal) ? url : fixture.Media.Url(url);

        var result = await ValidateAsync(WithLayers($$"""{"type": "image", "url": "{{absolute}}", "width": 40, "height": 40}"""));

        if (code is null)
        {
            Assert.Empty(result.Errors);
            return;
        }

        var error = Assert.Single(result.Errors);
        Assert.Equal("$.scenes[0].layers[0].url", error.Path);
        Assert.EndsWith(code, error.Message);
    }

    [Fact]
    public async Task A_url_whose_variable_has_no_value_is_reported_once_as_the_missing_variable()
    {
        var result = await ValidateAsync(WithLayers("""{"type": "image", "url": "${logo}", "width": 40, "height": 40}"""));

        Assert.Equal([("$.scenes[0].layers[0].url", "The variable 'logo' has no default and no param gives it a value.")], Pairs(result.Errors));
    }

    [Theory]
    [InlineData("DejaVu Sans", false)]
    [InlineData(ProjectFont, false)]
    [InlineData("brand.ttf", false)]
    [InlineData("Nonexistent Family", true)]
    public async Task A_font_neither_installed_nor_in_the_project_is_a_warning(string font, bool warned)
    {
        var result = await ValidateAsync(WithLayers("""{"type": "text", "text": "Hi", "font": "${font}", "width": 320, "height": 90}"""), new() { ["font"] = font });

        Assert.Empty(result.Errors);
        Assert.Equal(
            warned ? [("$.scenes[0].layers[0].font", $"The font '{font}' is neither installed nor a project font; DejaVu Sans is used.")] : None,
            Pairs(result.Warnings));
    }

    [Theory]
    [InlineData("""{"duration": 0.2, "transition": {"type": "crossfade", "duration": 0.6}}""", "$.scenes[1].transition")]
    [InlineData("""{"type": "choice", "variable": "plan", "cases": [{"case": "pro", "duration": 0.2, "transition": {"type": "crossfade", "duration": 0.6}}]}""", "$.scenes[1].cases[0].transition")]
    [InlineData("""{"type": "choice", "variable": "plan", "transition": {"type": "fadeblack", "duration": 0.6}, "cases": [{"case": "pro", "duration": 0.2}]}""", "$.scenes[1].transition")]
    public async Task A_transition_longer_than_its_scene_is_an_error_at_the_transition_that_applies(string second, string path)
    {
        var movie = $$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1}, {{second}}]}""";

        var result = await ValidateAsync(movie, second.Contains("choice", StringComparison.Ordinal) ? new() { ["plan"] = "pro" } : null);

        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.Path);
        Assert.EndsWith("(transition_too_long)", error.Message);
    }

    [Fact]
    public async Task A_param_the_bind_step_refuses_is_an_error_at_the_root_naming_the_variable()
    {
        var result = await ValidateAsync(WithLayers("""{"type": "solid", "color": "${brand, #ff0000}"}"""), new() { ["brand"] = "tomato soup" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains("brand", error.Message);
        Assert.EndsWith("(invalid_param)", error.Message);
    }

    [Fact]
    public async Task Text_shrunk_to_fit_or_cut_off_is_a_warning_at_the_text_also_in_a_choice_case()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("Bartholomew", 6));
        var movie = $$"""
            {"width": 320, "height": 180, "scenes": [
              {"duration": 1, "layers": [
                {"type": "text", "text": "{{sentence}}", "fontSize": 40, "width": 320, "height": 80},
                {"type": "text", "text": "{{string.Join(' ', Enumerable.Repeat(sentence, 20))}}", "width": 40, "height": 20},
                {"type": "text", "text": "Hi", "fontSize": 40, "width": 320, "height": 80}]},
              {"type": "choice", "variable": "plan", "cases": [
                {"case": "pro", "duration": 1, "layers": [{"type": "text", "text": "{{sentence}}", "fontSize": 40, "width": 320, "height": 80}]}]}]}
            """;

        var result = await ValidateAsync(movie, new() { ["plan"] = "basic" });

        Assert.Empty(result.Errors);
        var warnings = Pairs(result.Warnings);
        Assert.Equal(["$.scenes[0].layers[0].text", "$.scenes[0].layers[1].text", "$.scenes[1].cases[0].layers[0].text"], warnings.Select(w => w.Path));
        var shrunk = ShrunkText().Match(warnings[0].Message);
        Assert.True(shrunk.Success, warnings[0].Message);
        Assert.InRange(double.Parse(shrunk.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 6, 39.9);
        Assert.Equal("The text does not fit its 40x20 box even at 6 px and is cut off.", warnings[1].Message);
        Assert.Equal(warnings[0].Message, warnings[2].Message);
    }

    [Fact]
    public async Task Text_is_not_laid_out_while_there_are_errors()
    {
        var result = await ValidateAsync(WithLayers($$"""{"type": "text", "text": "${name} {{new string('W', 200)}}", "width": 40, "height": 20}"""));

        Assert.Single(result.Errors);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task An_auto_scene_reads_its_media_and_is_an_error_when_the_params_leave_it_nothing_to_last_for()
    {
        var tone = fixture.Media.AddFile("validator-tone.wav", await TestMedia.ToneAsync(440, 0.8));
        var movie = $$"""
            {"width": 320, "height": 180, "scenes": [{"duration": "auto", "layers": [
              {"type": "audio", "url": "{{tone}}", "condition": "withSound"}]}]}
            """;

        var withSound = await ValidateAsync(movie, new() { ["withSound"] = "yes" });
        var silent = await ValidateAsync(movie, new() { ["withSound"] = "no" });

        Assert.Empty(withSound.Errors);
        var error = Assert.Single(silent.Errors);
        Assert.Equal("$", error.Path);
        Assert.EndsWith("(auto_scene_empty)", error.Message);
    }

    [Fact]
    public async Task Problems_are_sorted_by_path_then_message()
    {
        var movie = """
            {"width": 320, "height": 180, "audio": {"url": "nope.mp3"}, "scenes": [{"duration": 1, "layers": [
              {"type": "image", "url": "logo.png", "width": 40, "height": 40},
              {"type": "text", "text": "${b} ${a}", "width": 320, "height": 90}]}]}
            """;

        var result = await ValidateAsync(movie);

        Assert.Equal(
            [
                ("$.audio.url", "The project has no asset 'nope.mp3' (asset_missing)."),
                ("$.scenes[0].layers[1].text", "The variable 'a' has no default and no param gives it a value."),
                ("$.scenes[0].layers[1].text", "The variable 'b' has no default and no param gives it a value."),
            ],
            Pairs(result.Errors));
    }

    [GeneratedRegex(@"/hello --data-binary '(\{.*?\})'", RegexOptions.Singleline)]
    private static partial Regex QuickstartMovie();

    [GeneratedRegex(@"validate/\$P/hello -d '\{""params"": \{""nmae"": ""Alex""\}\}'\n(#.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex DocumentedValidation();

    [GeneratedRegex("## Complete example.*?```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CompleteExample();

    [GeneratedRegex(@"^The text is shrunk from 40 px to ([0-9.]+) px to fit its 320x80 box\.$")]
    private static partial Regex ShrunkText();
}
