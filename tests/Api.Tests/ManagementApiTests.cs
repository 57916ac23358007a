using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Orleans.Render.Api.Tests;

[Collection(RenderSystemCollection.Name)]
public sealed class ManagementApiTests(RenderSystemFixture system)
{
    [Fact]
    public async Task Projects_movies_and_variables_follow_the_impossible_io_project_api()
    {
        var project = await system.CreateProjectAsync("catalogue");
        var listed = await system.Management.GetFromJsonAsync<JsonElement>("/v1/list/project");
        Assert.Contains(listed.GetProperty("Projects").EnumerateArray(), p => p[0].GetString() == project && p[1].GetString() == "catalogue");

        await system.PutMovieAsync(project, "greeting", TestMovies.Greeting);
        var movies = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/list/sdl/{project}");
        Assert.Equal(["greeting"], movies.GetProperty("SDLS").EnumerateArray().Select(m => m.GetString()));

        var stored = await system.Management.GetFromJsonAsync<JsonElement>($"/v1/sdl/{project}/greeting");
        Assert.Equal(25, stored.GetProperty("fps").GetInt32());

        var variables = (await system.Management.GetFromJsonAsync<JsonElement>($"/v1/sdlvariables/{project}/greeting")).GetProperty("variables");
        Assert.Equal(
            [("logo", null, "url"), ("name", "World", "text")],
            variables.EnumerateArray().Select(v => (v.GetProperty("name").GetString(), v.GetProperty("defaultvalue").GetString(), v.GetProperty("type").GetString())));

        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/sdl/{project}/greeting")).StatusCode);
        Assert.Equal("unknown_movie", await (await system.Management.GetAsync($"/v1/sdl/{project}/greeting")).AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.OK, (await system.Management.DeleteAsync($"/v1/project/{project}")).StatusCode);
        Assert.Equal("unknown_project", await (await system.Management.GetAsync($"/v1/list/sdl/{project}")).AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task The_movie_schema_and_health_are_served()
    {
        var schema = await system.Http.GetFromJsonAsync<JsonElement>("/v1/schema/movie.json");
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var health = await system.Http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("silos").GetProperty("active").GetInt32());
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.html")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task The_dashboard_needs_the_management_key(string path)
    {
        Assert.Equal("unauthorized", await (await system.Http.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Unauthorized));
        var authorized = await system.Management.GetAsync(path);
        Assert.True(authorized.IsSuccessStatusCode, $"{path}: {(int)authorized.StatusCode}");
    }
}
