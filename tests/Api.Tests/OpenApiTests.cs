using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Orleans.Render.Api.Tests;

/// <summary>The OpenAPI document at /openapi/v1.json and the Scalar reference at /docs.</summary>
[Collection(RenderSystemCollection.Name)]
public sealed partial class OpenApiTests(RenderSystemFixture system)
{
    /// <summary>Routes deliberately left out of the document, each with the reason.</summary>
    private static readonly (string Prefix, string Reason)[] Undocumented =
    [
        ("/{*path}", "the fallback: every unknown path answers 404 not_found"),
        ("/dashboard", "the Orleans Dashboard, a UI for operators with its own JSON, not part of the API"),
        ("/openapi/", "the document itself"),
        ("/docs", "the interactive reference (Scalar) that shows the document"),
        ("/playground", "the playground page and its built scripts, for a browser"),
        ("/", "the start page: links for a browser (matched exactly, not as a prefix)"),
    ];

    [Fact]
    public async Task Every_mapped_route_is_in_the_openapi_document()
    {
        await using var api = HostedApi();
        using var document = await DocumentAsync(api.CreateClient());
        var documented = Operations(document).Select(o => $"{o.Method} {o.Path}").ToHashSet();

        var mapped = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Path: PathOf(e.RoutePattern))))
            .Where(r => !Undocumented.Any(u => u.Prefix == "/" ? r.Path == "/" : r.Path.StartsWith(u.Prefix, StringComparison.Ordinal)))
            .Select(r => $"{r.Method} {r.Path}")
            .ToHashSet();

        Assert.True(mapped.Count > 40, $"Only {mapped.Count} routes were found: {string.Join(", ", mapped)}");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Contains("POST /v2/render/{project}", documented);
        Assert.Contains("GET /v2/{mode}/{file}", documented);
        Assert.Contains("HEAD /v1/{mode}/{project}/{file}", documented);
    }

    [Fact]
    public async Task Every_error_response_has_the_error_shape_and_every_operation_its_server_errors()
    {
        using var document = await DocumentAsync(system.Http);
        var errorBody = Schema(document, "ErrorBody");
        Assert.Equal(["error", "message"], errorBody.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());

        foreach (var (method, path, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("500", out _), $"{method} {path} has no 500");
            Assert.True(responses.TryGetProperty("503", out _), $"{method} {path} has no 503");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var reference = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
                // A rejected movie and an unhealthy system add fields to the shape; they still have error and message.
                Assert.True(
                    reference is "#/components/schemas/ErrorBody" or "#/components/schemas/MovieRejected" or "#/components/schemas/HealthReport",
                    $"{method} {path} answers {response.Name} with {reference}");
                var schema = Schema(document, reference!.Split('/')[^1]).GetProperty("properties");
                Assert.True(schema.TryGetProperty("error", out _) && schema.TryGetProperty("message", out _), $"{reference} has no error and message");
            }
        }
    }

    [Theory]
    [InlineData("post", "/v2/render/{project}", "400,403,404,413,422,429,502")]
    [InlineData("get", "/v2/progress/{token}", "404,410")]
    [InlineData("post", "/v2/batch/{id}/tasks", "400,403,404,409,413,422")]
    [InlineData("put", "/v1/data/{project}/{name}", "400,401,404,413,422")]
    [InlineData("get", "/v2/{mode}/{file}", "400,404,410,422,429")]
    public async Task Routes_document_the_error_codes_they_answer(string method, string path, string codes)
    {
        using var document = await DocumentAsync(system.Http);
        var responses = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        foreach (var code in codes.Split(','))
        {
            Assert.True(responses.TryGetProperty(code, out _), $"{method} {path} does not document {code}");
        }
    }

    [Fact]
    public async Task Render_body_and_responses_are_described_with_their_fields()
    {
        using var document = await DocumentAsync(system.Http);
        var render = document.RootElement.GetProperty("paths").GetProperty("/v2/render/{project}").GetProperty("post");
        var body = Resolve(document, render.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Superset(new HashSet<string> { "movie", "params", "parallel", "async", "format", "upload" }, Names(body));

        var created = Resolve(document, render.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["expires", "status", "token", "url"], Names(created).Order());

        var progress = Resolve(document, document.RootElement.GetProperty("paths").GetProperty("/v2/progress/{token}").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["done", "position", "reused", "status", "token", "total"], Names(progress).Order());

        var list = Resolve(document, document.RootElement.GetProperty("paths").GetProperty("/v1/list/project").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["Projects"], Names(list));
        Assert.True(document.RootElement.GetProperty("paths").GetProperty("/v1/list/project").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Documented_response_fields_are_the_ones_the_api_sends()
    {
        using var document = await DocumentAsync(system.Http);
        var projectJson = await (await system.Management.PostAsync("/v1/project/openapi-check", null)).Content.ReadAsStringAsync();
        using var created = JsonDocument.Parse(projectJson);
        var createdSchema = Resolve(document, document.RootElement.GetProperty("paths").GetProperty("/v1/project/{name}").GetProperty("post")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(Names(createdSchema).Order(), created.RootElement.EnumerateObject().Select(p => p.Name).Order());

        using var health = JsonDocument.Parse(await system.Http.GetStringAsync("/health"));
        var healthSchema = Schema(document, "HealthReport");
        Assert.Subset(Names(healthSchema), health.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet());
    }

    [Fact]
    public async Task Documented_bodies_do_not_restrict_the_content_types_an_endpoint_takes()
    {
        using var created = JsonDocument.Parse(await (await system.Management.PostAsync("/v1/project/openapi-bodies", null)).Content.ReadAsStringAsync());
        var project = created.RootElement.GetProperty("Project-UID").GetString();

        // curl --data-binary sends application/x-www-form-urlencoded; the document names application/json.
        using var movie = new StringContent("""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1}]}""", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var stored = await system.Management.PutAsync($"/v1/sdl/{project}/plain", movie);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        using var token = await system.Http.PostAsync($"/v2/token/{project}", new StringContent("""{"movie": "plain"}""", System.Text.Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Docs_page_and_its_script_come_from_this_server()
    {
        using var page = await system.Http.GetAsync("/docs");
        Assert.EndsWith("/docs/", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        // Scalar's own script resolves it against the site's root: /openapi/v1.json.
        Assert.Contains("\"openapi/v1.json\"", html);

        var references = Reference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.False(url.StartsWith("//", StringComparison.Ordinal) || Uri.IsWellFormedUriString(url, UriKind.Absolute), $"/docs loads {url} from elsewhere"));
        Assert.DoesNotContain("fonts.scalar.com", html);
        Assert.DoesNotContain("cdn.jsdelivr.net", html);

        var sizes = new List<int>();
        foreach (var script in ScriptSource().Matches(html).Select(m => m.Groups["url"].Value))
        {
            using var response = await system.Http.GetAsync(new Uri(page.RequestMessage.RequestUri, script));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
            sizes.Add((await response.Content.ReadAsByteArrayAsync()).Length);
        }

        // Scalar's bundle (megabytes, from the package) and its small loader.
        Assert.Equal(2, sizes.Count);
        Assert.True(sizes.Max() > 1_000_000, $"The scripts are {string.Join(", ", sizes)} bytes: the bundle is missing.");
    }

    private WebApplicationFactory<Program> HostedApi() => new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
        .UseEnvironment("Production")
        .UseSetting("ConnectionStrings:AzureStorage", system.StorageConnectionString)
        .UseSetting("Orleans:ClusterId", system.ClusterId)
        .UseSetting("Management:Keys:0:Key", RenderSystemFixture.Key)
        .UseSetting("Management:Keys:0:Secret", RenderSystemFixture.Secret)
        .UseSetting("Media:Root", system.MediaRoot));

    private static async Task<JsonDocument> DocumentAsync(HttpClient http) => JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json"));

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonDocument document) =>
        from path in document.RootElement.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Name is "get" or "put" or "post" or "delete" or "head" or "patch" or "options"
        select (operation.Name.ToUpperInvariant(), path.Name, operation.Value);

    /// <summary>A route as OpenAPI writes it: parameters without their constraints.</summary>
    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart { IsCatchAll: true } parameter => $"{{*{parameter.Name}}}",
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static JsonElement Schema(JsonDocument document, string name) =>
        document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static JsonElement Resolve(JsonDocument document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? Schema(document, reference.GetString()!.Split('/')[^1]) : schema;

    private static HashSet<string> Names(JsonElement schema) => schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex Reference();

    [GeneratedRegex("""<script[^>]*\ssrc\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex ScriptSource();
}
