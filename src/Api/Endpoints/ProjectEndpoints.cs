using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Models;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;
using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// The impossible.io Project API (§1.7) with JSON movies: projects, movies and their variables. A key made through the
/// API sees and changes only the projects it created (<see cref="BasicAuthenticationFilter"/>).
/// </summary>
public static class ProjectEndpoints
{
    public static void MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy)
            .WithTags("Projects").ProducesErrors(StatusCodes.Status401Unauthorized);

        group.MapGet("/list/project", async (HttpContext http, IClusterClient client) =>
        {
            var caller = ManagementCaller.Of(http);
            var projects = (await client.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).ListAsync()).Where(p => caller.MayManage(p.Uid));
            return Results.Json(new ProjectList(projects.Select(p => new[] { p.Uid, p.Name })));
        }).WithSummary("List projects (a key made through the API sees those it created)").Produces<ProjectList>();

        group.MapPost("/project/{name}", async (string name, HttpContext http, IClusterClient client, AccessCache cache) =>
        {
            if (!Names.IsValidName(name))
            {
                return ApiErrors.BadRequest("invalid_name", "A project name is 1–100 letters, digits, '_', '-' or '.'.");
            }

            var project = await client.GetGrain<IProjectGrain>(Guid.NewGuid().ToString("N")).CreateAsync(name);
            if (ManagementCaller.Of(http) is { IsAdmin: false } caller)
            {
                await client.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key).AddProjectAsync(caller.Key, project.Uid);
                cache.ForgetManagementKey(caller.Key);
            }

            return Results.Json(new ProjectCreated(project.Uid));
        }).WithSummary("Create a project").Produces<ProjectCreated>().ProducesErrors(400);

        group.MapDelete("/project/{project}", async (string project, IClusterClient client, AccessCache cache) =>
        {
            if (!Names.IsValidName(project) || !await client.GetGrain<IProjectGrain>(project).DeleteAsync())
            {
                return UnknownProject(project);
            }

            await client.GetGrain<IProjectAccessGrain>(project).ClearAsync();
            await client.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key).RemoveProjectAsync(project);
            cache.ForgetProject(project);
            return Results.Json(new ProjectDeleted(project));
        }).WithSummary("Delete a project with its movies, assets and keys").Produces<ProjectDeleted>().ProducesErrors(404);

        // Every render pool of this cluster serves every project, so publishing has nothing to move: it answers as
        // impossible.io does once the project exists, whatever the location (a region or a pool).
        group.MapPost("/publish/{project}/{location}", async (string project, string location, IClusterClient client) =>
        {
            if (await FindProjectAsync(client, project) is null)
            {
                return UnknownProject(project);
            }

            return Names.IsValidName(location)
                ? Results.Json(new ProjectPublished(project))
                : ApiErrors.BadRequest("invalid_location", "A location is a region or pool name: 1–100 letters, digits, '_', '-' or '.'.");
        }).WithSummary("Publish a project (every pool serves every project)").Produces<ProjectPublished>().ProducesErrors(400, 404);

        group.MapGet("/list/sdl/{project}", async (string project, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            return grain is null ? UnknownProject(project) : Results.Json(new MovieList(await grain.ListMoviesAsync()));
        }).WithSummary("List a project's movies").Produces<MovieList>().ProducesErrors(404);

        group.MapMethods("/sdl/{project}/{movie}", ["PUT", "POST"], async (string project, string movie, HttpRequest request, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            if (!Names.IsValidName(movie))
            {
                return ApiErrors.BadRequest("invalid_name", "A movie name is 1–100 letters, digits, '_', '-' or '.'.");
            }

            var (bytes, error) = await JsonBody.ReadBytesAsync(request, request.HttpContext.RequestAborted);
            if (error is not null)
            {
                return error;
            }

            var (body, encodingError) = JsonBody.DecodeText(bytes);
            if (body is null)
            {
                return encodingError!;
            }

            var isXml = IsXml(body, request.ContentType);
            if (!isXml && JsonEncoding.FindProblem(bytes.Span) is { } encodingProblem)
            {
                return ApiErrors.BadRequest("invalid_json", encodingProblem);
            }

            var problems = isXml
                ? await grain.PutMovieXmlAsync(movie, body)
                : await grain.PutMovieAsync(movie, body);
            if (problems.Count > 0)
            {
                return Results.Json(
                    new MovieRejected(
                        "invalid_movie",
                        $"The movie has {problems.Count} problem(s): " + string.Join("; ", problems.Take(5).Select(p => $"{p.Path} {p.Message}")),
                        Problems(problems)),
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            return Results.Json(new MovieStored(movie));
        })
            .WithSummary("Store a movie (JSON, or an impossible.io XML template)")
            .WithDescription("The JSON movie format's schema is at /v1/schema/movie.json (docs/movie-format.md).")
            .DocumentsBody<JsonElement>(optional: false, "application/json", "application/xml", "text/xml")
            .Produces<MovieStored>().Produces<MovieRejected>(StatusCodes.Status422UnprocessableEntity).ProducesErrors(400, 404, 413);

        group.MapGet("/sdl/{project}/{movie}", async (string project, string movie, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            var json = Names.IsValidName(movie) ? await grain.GetMovieAsync(movie) : null;
            return json is null ? UnknownMovie(movie) : Results.Text(json, "application/json", Encoding.UTF8);
        }).WithSummary("A movie's JSON (the schema is at /v1/schema/movie.json)").Produces<JsonElement>().ProducesErrors(404);

        group.MapDelete("/sdl/{project}/{movie}", async (string project, string movie, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            return Names.IsValidName(movie) && await grain.DeleteMovieAsync(movie) ? Results.Json(new MovieDeleted(movie)) : UnknownMovie(movie);
        }).WithSummary("Delete a movie").Produces<MovieDeleted>().ProducesErrors(404);

        group.MapGet("/sdlvariables/{project}/{movie}", async (string project, string movie, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            var variables = Names.IsValidName(movie) ? await grain.GetMovieVariablesAsync(movie) : null;
            return variables is null
                ? UnknownMovie(movie)
                : Results.Json(new MovieVariables(variables.Select(v => new VariableReport(v.Name, v.DefaultValue, v.Offset, v.NumFrames, v.Type))));
        }).WithSummary("The variables a movie uses").Produces<MovieVariables>().ProducesErrors(404);

        group.MapPost("/validate/{project}/{movie}", async (string project, string movie, HttpRequest request, IClusterClient client, IOptions<InputLimitsOptions> limits) =>
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            if (request.ContentLength is not 0)
            {
                var (bytes, error) = await JsonBody.ReadBytesAsync(request, request.HttpContext.RequestAborted);
                if (error is not null)
                {
                    return error;
                }

                if (bytes.Length > 0)
                {
                    var (document, jsonError) = JsonBody.Parse(bytes);
                    if (document is null)
                    {
                        return jsonError!;
                    }

                    using (document)
                    {
                        if (document.RootElement.ValueKind != JsonValueKind.Object)
                        {
                            return ApiErrors.BadRequest("invalid_request", "The body must be a JSON object such as {\"params\": {…}}.");
                        }

                        (parameters, error) = RenderBody.ParseParams(document.RootElement);
                        if (error is not null)
                        {
                            return error;
                        }
                    }
                }
            }

            return await ValidateAsync(client, project, movie, parameters, limits.Value);
        })
            .WithSummary("Check a movie with params before rendering").DocumentsBody<ValidateBody>(optional: true)
            .Produces<ValidationReport>().ProducesErrors(400, 404, 413);

        // impossible.io's diagnostics call; params come from the query string as in its v1 render API.
        group.MapGet("/sdlmovieerrors/{project}/{movie}", async (string project, string movie, HttpRequest request, IClusterClient client, IOptions<InputLimitsOptions> limits) =>
            await ValidateAsync(client, project, movie, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), limits.Value))
            .WithSummary("Check a movie with params from the query string").Produces<ValidationReport>().ProducesErrors(400, 404, 413);
    }

    private static async Task<IResult> ValidateAsync(
        IClusterClient client, string project, string movie, IReadOnlyDictionary<string, string> parameters, InputLimitsOptions limits)
    {
        if (ParamLimits.Check(parameters, limits) is { } tooMuch)
        {
            return tooMuch;
        }

        var grain = await FindProjectAsync(client, project);
        if (grain is null)
        {
            return UnknownProject(project);
        }

        var result = Names.IsValidName(movie) ? await grain.ValidateMovieAsync(movie, parameters) : null;
        if (result is null)
        {
            return UnknownMovie(movie);
        }

        return Results.Json(new ValidationReport(movie, result.Errors.Count == 0, Problems(result.Errors), Problems(result.Warnings)));
    }

    private static IEnumerable<ProblemReport> Problems(IEnumerable<MovieProblem> problems) => problems.Select(p => new ProblemReport(p.Path, p.Message));

    /// <summary>An XML template: an XML content type, or a body whose first non-blank character is '&lt;'.</summary>
    private static bool IsXml(string body, string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim();
        return type.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
            || body.AsSpan().TrimStart().TrimStart('\uFEFF').StartsWith("<");
    }

    /// <summary>The project's grain when the project exists; a name that could never be a project is not looked up.</summary>
    public static async Task<IProjectGrain?> FindProjectAsync(IClusterClient client, string project)
    {
        if (!Names.IsValidName(project))
        {
            return null;
        }

        var grain = client.GetGrain<IProjectGrain>(project);
        return await grain.GetAsync() is null ? null : grain;
    }

    public static IResult UnknownProject(string project) =>
        ApiErrors.NotFound("unknown_project", $"There is no project '{Truncate(project)}'.");

    public static IResult UnknownMovie(string movie) =>
        ApiErrors.NotFound("unknown_movie", $"There is no movie '{Truncate(movie)}' in this project.");

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
