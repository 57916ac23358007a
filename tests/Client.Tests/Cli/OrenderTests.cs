using System.Text.Json;
using Orleans.Render.Api.Tests;
using Orleans.Render.Cli;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Client.Tests.Cli;

/// <summary><c>orender</c> against the real system: what a script sees (exit codes, <c>--json</c>) and the files it writes.</summary>
[Collection(ClientSystemCollection.Name)]
public sealed class OrenderTests(RenderSystemFixture system) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("orender-").FullName;
    private string project = "";

    public async Task InitializeAsync()
    {
        var created = await system.RunAsync("project", "create", "cli", "--json");
        Assert.Equal(ExitCodes.Ok, created.ExitCode);
        project = JsonDocument.Parse(created.Output).RootElement.GetProperty("uid").GetString()!;
        var movie = Path.Combine(folder, "hello.json");
        await File.WriteAllTextAsync(movie, ClientSystem.Movie);
        Assert.Equal(ExitCodes.Ok, (await system.RunAsync("movie", "put", project, "hello", movie)).ExitCode);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Render_shows_progress_and_downloads_a_playable_mp4()
    {
        var file = Path.Combine(folder, "alex.mp4");

        var run = await system.RunAsync("render", project, "hello", "-p", "name=Alex", "-o", file);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Contains("done", run.Output, StringComparison.Ordinal);
        var facts = await MediaInspector.ProbeAsync(file);
        Assert.Equal(("h264", ClientSystem.Frames, 2.0), (facts.Codec, facts.FrameCount, Math.Round(facts.DurationSeconds, 1)));
    }

    [Fact]
    public async Task Render_with_json_answers_one_document_naming_the_token_and_file()
    {
        var file = Path.Combine(folder, "json.webm");

        var run = await system.RunAsync("render", project, "hello", "-p", "name=Jo", "-f", "webm", "-o", file, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("done", file, ClientSystem.Frames), (json.GetProperty("status").GetString(), json.GetProperty("file").GetString(), json.GetProperty("frames").GetInt32()));
        Assert.Matches("^[A-Za-z0-9_-]{32}$", json.GetProperty("token").GetString());
        Assert.Equal(ClientSystem.Frames, (await MediaInspector.ProbeAsync(file)).FrameCount);
    }

    [Fact]
    public async Task Validate_exits_3_for_a_movie_missing_a_param_and_0_once_it_is_given()
    {
        var invalid = await system.RunAsync("validate", project, "hello", "--json");
        Assert.Equal(ExitCodes.Invalid, invalid.ExitCode);
        var json = JsonDocument.Parse(invalid.Output).RootElement;
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.NotEmpty(json.GetProperty("errors").EnumerateArray());

        Assert.Equal(ExitCodes.Ok, (await system.RunAsync("validate", project, "hello", "-p", "name=Alex")).ExitCode);
    }

    [Fact]
    public async Task A_movie_the_api_refuses_exits_3_with_its_problems_and_an_xml_movie_is_stored()
    {
        var bad = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(bad, """{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": -1}]}""");
        var refused = await system.RunAsync("movie", "put", project, "bad", bad, "--json");
        Assert.Equal(ExitCodes.Invalid, refused.ExitCode);
        var json = JsonDocument.Parse(refused.Output).RootElement;
        Assert.Equal("invalid_movie", json.GetProperty("error").GetString());
        Assert.NotEmpty(json.GetProperty("problems").EnumerateArray());

        var xml = Path.Combine(folder, "navy.xml");
        await File.WriteAllTextAsync(xml, ClientSystem.XmlMovie);
        Assert.Equal(ExitCodes.Ok, (await system.RunAsync("movie", "put", project, "navy", xml)).ExitCode);
        var list = await system.RunAsync("movie", "list", project, "--json");
        Assert.Equal(["hello", "navy"], JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_renders_one_movie_per_csv_row_and_downloads_them()
    {
        var csv = Path.Combine(folder, "people.csv");
        await File.WriteAllTextAsync(csv, "name\nAnn\n\"Bo, Jr.\"\n");
        var outputs = Path.Combine(folder, "out");

        var run = await system.RunAsync("batch", project, "hello", "--csv", csv, "-o", outputs, "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(("completed", 2), (json.GetProperty("status").GetString(), json.GetProperty("completed").GetInt32()));
        foreach (var i in new[] { 1, 2 })
        {
            Assert.Equal(ClientSystem.Frames, (await MediaInspector.ProbeAsync(Path.Combine(outputs, $"{i}.mp4"))).FrameCount);
        }

        var table = await system.RunAsync("batch", project, "hello", "--csv", csv);
        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        Assert.Contains("name=Bo, Jr.", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_and_projects_list_as_json()
    {
        var png = Path.Combine(folder, "dot.png");
        await File.WriteAllBytesAsync(png, TestImages.SolidPng(4, 4, new SixLabors.ImageSharp.PixelFormats.Rgba32(0, 0, 255)));
        Assert.Equal(ExitCodes.Ok, (await system.RunAsync("asset", "put", project, png)).ExitCode);

        var assets = JsonDocument.Parse((await system.RunAsync("asset", "list", project, "--json")).Output).RootElement;
        Assert.Equal("image", Assert.Single(assets.EnumerateArray()).GetProperty("kind").GetString());
        var copy = Path.Combine(folder, "copy.png");
        Assert.Equal(ExitCodes.Ok, (await system.RunAsync("asset", "get", project, "dot.png", "-o", copy)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(png), await File.ReadAllBytesAsync(copy));

        var projects = JsonDocument.Parse((await system.RunAsync("project", "list", "--json")).Output).RootElement;
        Assert.Contains(projects.EnumerateArray(), p => p.GetProperty("uid").GetString() == project);
    }

    [Fact]
    public async Task Exit_codes_tell_usage_refusal_unavailability_and_a_missing_key_apart()
    {
        Assert.Equal(ExitCodes.Usage, (await system.RunAsync("render", project)).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await system.RunAsync("validate", project, "hello", "-p", "no-equals-sign")).ExitCode);
        Assert.Equal(ExitCodes.Refused, (await system.RunAsync("render", "no-such-project", "hello")).ExitCode);
        Assert.Equal(ExitCodes.Unavailable, (await Orender.RunAsync(["project", "list", "--url", $"http://127.0.0.1:{Ports.Free()}", "--key", "a:b"])).ExitCode);

        var keyless = await Orender.RunAsync(["project", "list", "--url", system.Http.BaseAddress!.ToString(), "--json"]);
        Assert.Equal(ExitCodes.Unauthorized, keyless.ExitCode);
        Assert.Equal("unauthorized", JsonDocument.Parse(keyless.Output).RootElement.GetProperty("error").GetString());
    }
}
