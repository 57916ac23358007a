using Xunit;

namespace Orleans.Render.Grains.Tests;

[Collection(RenderClusterCollection.Name)]
public sealed class ProjectGrainTests(RenderClusterFixture fixture)
{
    [Fact]
    public void The_test_cluster_runs_two_silos() => Assert.Equal(2, fixture.Cluster.GetActiveSilos().Count());

    [Fact]
    public async Task A_project_keeps_valid_movies_and_reports_problems_of_invalid_ones_with_paths()
    {
        var uid = Guid.NewGuid().ToString("N");
        var project = fixture.Grains.GetGrain<IProjectGrain>(uid);
        Assert.Null(await project.GetAsync());
        Assert.Equal("demo", (await project.CreateAsync("demo")).Name);

        var problems = await project.PutMovieAsync("broken", """{"fps": 500, "scenes": [{"duration": 1, "layers": [{"type": "text"}]}]}""");
        Assert.Contains(problems, p => p.Path == "$.fps");
        Assert.Contains(problems, p => p.Path == "$.scenes[0].layers[0].text");
        Assert.Null(await project.GetMovieAsync("broken"));

        Assert.Empty(await project.PutMovieAsync("intro", Movies.TwoScenes));
        Assert.Equal(["intro"], await project.ListMoviesAsync());
        var variables = await project.GetMovieVariablesAsync("intro");
        Assert.Equal(["bg", "name", "logo"], variables!.Select(v => v.Name));
        Assert.Contains(await fixture.Grains.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).ListAsync(), p => p.Uid == uid);

        Assert.True(await project.DeleteMovieAsync("intro"));
        Assert.True(await project.DeleteAsync());
        Assert.Null(await project.GetAsync());
        Assert.DoesNotContain(await fixture.Grains.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).ListAsync(), p => p.Uid == uid);
    }
}
