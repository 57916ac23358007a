using System.Net;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>
/// Browsers may call the render API (impossible.io documents browser use): any origin by default, preflight included.
/// The Project API answers no browser unless <c>Cors:ManagementOrigins</c> names it.
/// </summary>
[Collection(RenderSystemCollection.Name)]
public sealed class CorsTests(RenderSystemFixture system)
{
    private const string Shop = "https://shop.example";

    private static HttpRequestMessage Preflight(string path, string method, string origin = Shop) => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", method },
            { "Access-Control-Request-Headers", "content-type,authorization" },
        },
    };

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Theory]
    [InlineData("/v2/render/someproject", "POST")]
    [InlineData("/v2/token/someproject", "POST")]
    [InlineData("/v2/progress/sometoken", "GET")]
    [InlineData("/v2/token/sometoken", "DELETE")]
    [InlineData("/v2/render/sometoken.mp4", "GET")]
    [InlineData("/v1/render/someproject/greeting.mp4", "GET")]
    public async Task A_browser_preflight_on_the_render_api_is_answered_for_any_origin(string path, string method)
    {
        var response = await system.Http.SendAsync(Preflight(path, method));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", AllowedOrigin(response));
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        var headers = response.Headers.GetValues("Access-Control-Allow-Headers").Single();
        Assert.Contains("authorization", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-type", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_render_api_answer_carries_the_cors_header_and_a_project_api_answer_does_not()
    {
        var render = await system.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v2/token/nosuchproject")
        {
            Headers = { { "Origin", Shop } },
            Content = new StringContent("""{"movie": "m"}""", System.Text.Encoding.UTF8, "application/json"),
        });
        Assert.Equal("unknown_project", await render.AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("*", AllowedOrigin(render));

        var management = new HttpRequestMessage(HttpMethod.Get, "/v1/list/project") { Headers = { { "Origin", Shop } } };
        var listed = await system.Management.SendAsync(management);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Null(AllowedOrigin(listed));
        Assert.Null(AllowedOrigin(await system.Management.SendAsync(Preflight("/v1/project/new", "POST"))));
        Assert.Null(AllowedOrigin(await system.Management.SendAsync(Preflight("/v1/data/p/logo.png", "PUT"))));
    }

    [Fact]
    public async Task Configured_origins_are_the_only_ones_answered()
    {
        await using var api = await system.StartExtraApiAsync(new()
        {
            ["Cors__RenderOrigins__0"] = Shop,
            ["Cors__ManagementOrigins__0"] = "https://admin.example",
        });

        Assert.Equal(Shop, AllowedOrigin(await api.Http.SendAsync(Preflight("/v2/render/p", "POST"))));
        Assert.Null(AllowedOrigin(await api.Http.SendAsync(Preflight("/v2/render/p", "POST", "https://elsewhere.example"))));
        Assert.Equal("https://admin.example", AllowedOrigin(await api.Http.SendAsync(Preflight("/v1/project/new", "POST", "https://admin.example"))));
        Assert.Null(AllowedOrigin(await api.Http.SendAsync(Preflight("/v1/project/new", "POST"))));
    }
}
