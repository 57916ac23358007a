using System.Net;
using Orleans.Render.Api.Tests;
using Orleans.Render.TestSupport;
using SixLabors.ImageSharp.PixelFormats;
using Xunit;

namespace Orleans.Render.Client.Tests;

/// <summary>The client's Project API (projects, movies, variables, validation, assets) and batches, against the real system.</summary>
[Collection(ClientSystemCollection.Name)]
public sealed class ProjectClientTests(RenderSystemFixture system) : IAsyncLifetime
{
    private readonly Microsoft.Extensions.DependencyInjection.ServiceProvider services = system.Services();

    private OrleansRenderClient Client => services.Client();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Projects_and_movies_in_json_and_xml_round_trip_with_their_variables()
    {
        var project = await Client.Projects.CreateAsync("movies");
        Assert.Contains(await Client.Projects.ListAsync(), p => p.Uid == project && p.Name == "movies");

        await Client.Projects.PutMovieAsync(project, "hello", ClientSystem.Movie);
        await Client.Projects.PutMovieAsync(project, "navy", ClientSystem.XmlMovie);
        Assert.Equal(["hello", "navy"], (await Client.Projects.ListMoviesAsync(project)).Order(StringComparer.Ordinal));
        Assert.StartsWith("{", (await Client.Projects.GetMovieAsync(project, "navy")).TrimStart(), StringComparison.Ordinal);

        var variable = Assert.Single(await Client.Projects.GetVariablesAsync(project, "hello"));
        Assert.Equal(("name", "text", 0, 25), (variable.Name, variable.Type, variable.Offset, variable.NumFrames));

        await Client.Projects.DeleteMovieAsync(project, "navy");
        Assert.Equal(["hello"], await Client.Projects.ListMoviesAsync(project));
        await Client.Projects.DeleteAsync(project);
        Assert.DoesNotContain(await Client.Projects.ListAsync(), p => p.Uid == project);
    }

    [Fact]
    public async Task A_refused_movie_carries_its_problems_and_validation_reports_errors_and_warnings()
    {
        var project = await Client.Projects.CreateAsync("validation");
        var refused = await Assert.ThrowsAsync<RenderApiException>(() => Client.Projects.PutMovieAsync(project, "bad", """{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": -1}]}"""));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "invalid_movie"), (refused.StatusCode, refused.Error));
        Assert.NotEmpty(refused.Problems);

        await Client.Projects.PutMovieAsync(project, "hello", ClientSystem.Movie);
        var missing = await Client.Projects.ValidateAsync(project, "hello", new Dictionary<string, string> { ["nmae"] = "Alex" });
        Assert.False(missing.Valid);
        Assert.Contains(missing.Errors, e => e.Message.Contains("'name'", StringComparison.Ordinal));
        Assert.Contains(missing.Warnings, w => w.Path == "params.nmae");
        Assert.True((await Client.Projects.ValidateAsync(project, "hello", new Dictionary<string, string> { ["name"] = "Alex" })).Valid);
    }

    [Fact]
    public async Task Assets_upload_list_download_and_delete()
    {
        var project = await Client.Projects.CreateAsync("assets");
        var png = TestImages.SolidPng(8, 8, new Rgba32(255, 0, 0));

        var facts = await Client.Assets.PutAsync(project, "red.png", new MemoryStream(png), "image/png");
        Assert.Equal(("red.png", "image", 8, png.Length), (facts.Name, facts.Kind, facts.Width, (int)facts.Size));
        Assert.Equal(["red.png"], (await Client.Assets.ListAsync(project)).Images);

        using var copy = new MemoryStream();
        await Client.Assets.GetAsync(project, "red.png", copy);
        Assert.Equal(png, copy.ToArray());

        await Client.Assets.DeleteAsync(project, "red.png");
        var gone = await Assert.ThrowsAsync<RenderApiException>(() => Client.Assets.GetAsync(project, "red.png", Stream.Null));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_batch_runs_its_tasks_and_pages_their_results()
    {
        var project = await Client.Projects.CreateAsync("batch");
        await Client.Projects.PutMovieAsync(project, "hello", ClientSystem.Movie);
        var batch = await Client.Batches.CreateAsync(new BatchOptions(project, Window: 2));
        Assert.Equal(BatchState.Pending, batch.Status);

        List<string> names = ["Ann", "Bo", "Cy"];
        await Client.Batches.AddTasksAsync(batch.Id, names.Select(n => new RenderRequest("hello", new Dictionary<string, string> { ["name"] = n })));
        await Client.Batches.RunAsync(batch.Id);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        BatchStatus status;
        do
        {
            await Task.Delay(200);
            status = await Client.Batches.GetAsync(batch.Id);
        }
        while (status.Status is BatchState.Pending or BatchState.Running && DateTime.UtcNow < deadline);

        Assert.Equal((BatchState.Completed, 3, 3), (status.Status, status.Total, status.Completed));
        var page = await Client.Batches.GetResultsAsync(batch.Id, offset: 1, limit: 2);
        Assert.Equal([1, 2], page.Select(r => r.Index));
        Assert.All(page, r => Assert.Equal((BatchState.Completed, "mp4"), (r.Status, r.Format)));
        var file = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}.mp4");
        await Client.DownloadToFileAsync(page[0].Token, "mp4", file);
        Assert.Equal(ClientSystem.Frames, (await MediaInspector.ProbeAsync(file)).FrameCount);
    }
}
