using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Orleans.Render.Models;
using Orleans.Render.Api.Access;
using Orleans.Render.Api.Http;
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
        var group = app.MapGroup("/v1").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy);

        group.MapGet("/list/project", async (HttpContext http, IClusterClient client) =>
        {
            var caller = ManagementCaller.Of(http);
            var projects = (await client.GetGrain<IProjectCatalogGrain>(IProjectCatalogGrain.Key).ListAsync()).Where(p => caller.MayManage(p.Uid));
            return Results.Json(new Dictionary<string, object> { ["Projects"] = projects.Select(p => new[] { p.Uid, p.Name }) });
        });

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

            return Results.Json(new Dictionary<string, string> { ["Project-UID"] = project.Uid });
        });

        group.MapDelete("/project/{project}", async (string project, IClusterClient client, AccessCache cache) =>
        {
            if (!Names.IsValidName(project) || !await client.GetGrain<IProjectGrain>(project).DeleteAsync())
            {
                return UnknownProject(project);
            }

            await client.GetGrain<IProjectAccessGrain>(project).ClearAsync();
            await client.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key).RemoveProjectAsync(project);
            cache.ForgetProject(project);
            return Deleted("Project-UID", project);
        });

        // Every render pool of this cluster serves every project, so publishing has nothing to move: it answers as
        // impossible.io does once the project exists, whatever the location (a region or a pool).
        group.MapPost("/publish/{project}/{location}", async (string project, string location, IClusterClient client) =>
        {
            if (await FindProjectAsync(client, project) is null)
            {
                return UnknownProject(project);
            }

            return Names.IsValidName(location)
                ? Results.Json(new Dictionary<string, string> { ["Published-UID"] = project })
                : ApiErrors.BadRequest("invalid_location", "A location is a region or pool name: 1–100 letters, digits, '_', '-' or '.'.");
        });

        group.MapGet("/list/sdl/{project}", async (string project, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            return grain is null ? UnknownProject(project) : Results.Json(new Dictionary<string, object> { ["SDLS"] = await grain.ListMoviesAsync() });
        });

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
                    new
                    {
                        error = "invalid_movie",
                        message = $"The movie has {problems.Count} problem(s): " + string.Join("; ", problems.Take(5).Select(p => $"{p.Path} {p.Message}")),
                        problems = problems.Select(p => new { path = p.Path, message = p.Message }),
                    },
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            return Results.Json(new Dictionary<string, string> { ["Movie"] = movie });
        });

        group.MapGet("/sdl/{project}/{movie}", async (string project, string movie, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            var json = Names.IsValidName(movie) ? await grain.GetMovieAsync(movie) : null;
            return json is null ? UnknownMovie(movie) : Results.Text(json, "application/json", Encoding.UTF8);
        });

        group.MapDelete("/sdl/{project}/{movie}", async (string project, string movie, IClusterClient client) =>
        {
            var grain = await FindProjectAsync(client, project);
            if (grain is null)
            {
                return UnknownProject(project);
            }

            return Names.IsValidName(movie) && await grain.DeleteMovieAsync(movie) ? Deleted("Movie", movie) : UnknownMovie(movie);
        });

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
                : Results.Json(new
                {
                    variables = variables.Select(v => new { name = v.Name, defaultvalue = v.DefaultValue, offset = v.Offset, numframes = v.NumFrames, type = v.Type }),
                });
        });

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
        });

        // impossible.io's diagnostics call; params come from the query string as in its v1 render API.
        group.MapGet("/sdlmovieerrors/{project}/{movie}", async (string project, string movie, HttpRequest request, IClusterClient client, IOptions<InputLimitsOptions> limits) =>
            await ValidateAsync(client, project, movie, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), limits.Value));
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

        static object Problems(IEnumerable<MovieProblem> problems) => problems.Select(p => new { path = p.Path, message = p.Message });
        return Results.Json(new { movie, valid = result.Errors.Count == 0, errors = Problems(result.Errors), warnings = Problems(result.Warnings) });
    }

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

    /// <summary>What a classic client expects of a DELETE: 200 with a body (it takes 204 for a failure), naming what went.</summary>
    public static IResult Deleted(string key, string name) => Results.Json(new Dictionary<string, object> { [key] = name, ["deleted"] = true });

    public static IResult UnknownProject(string project) =>
        ApiErrors.NotFound("unknown_project", $"There is no project '{Truncate(project)}'.");

    public static IResult UnknownMovie(string movie) =>
        ApiErrors.NotFound("unknown_movie", $"There is no movie '{Truncate(movie)}' in this project.");

    private static string Truncate(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
