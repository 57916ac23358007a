using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;

namespace Orleans.Render.Client;

/// <summary>The Project API's projects and movies (HTTP Basic with <see cref="RenderClientOptions.ManagementKey"/>).</summary>
public sealed class ProjectsClient
{
    private readonly ApiTransport api;

    internal ProjectsClient(ApiTransport api) => this.api = api;

    public async Task<IReadOnlyList<ProjectSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await api.GetAsync<ProjectList>("/v1/list/project", cancellationToken, management: true).ConfigureAwait(false);
        return [.. list.Projects.Select(p => new ProjectSummary(p[0], p[1]))];
    }

    /// <summary>Creates a project and answers its uid, which every other call takes.</summary>
    public async Task<string> CreateAsync(string name, CancellationToken cancellationToken = default)
    {
        var created = await api.SendAsync<Dictionary<string, string>>(api.Request(HttpMethod.Post, $"/v1/project/{ApiTransport.Escape(name)}", management: true), cancellationToken).ConfigureAwait(false);
        return created["Project-UID"];
    }

    public Task DeleteAsync(string project, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Delete, $"/v1/project/{ApiTransport.Escape(project)}", management: true), cancellationToken);

    public async Task<IReadOnlyList<string>> ListMoviesAsync(string project, CancellationToken cancellationToken = default) =>
        (await api.GetAsync<MovieList>($"/v1/list/sdl/{ApiTransport.Escape(project)}", cancellationToken, management: true).ConfigureAwait(false)).Sdls;

    /// <summary>
    /// Stores a movie: JSON, or an impossible.io XML template (text starting with <c>&lt;</c>, sent as
    /// <c>application/xml</c>). A refused movie throws with the paths of its problems in <see cref="RenderApiException.Problems"/>.
    /// </summary>
    public Task PutMovieAsync(string project, string movie, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(text.TrimStart().StartsWith('<') ? "application/xml" : "application/json") { CharSet = "utf-8" };
        return api.SendAndForgetAsync(api.Request(HttpMethod.Put, MoviePath("sdl", project, movie), management: true, content), cancellationToken);
    }

    /// <summary>The movie as stored: always JSON (an XML template is stored as its translation).</summary>
    public async Task<string> GetMovieAsync(string project, string movie, CancellationToken cancellationToken = default)
    {
        using var response = await api.SendAsync(api.Request(HttpMethod.Get, MoviePath("sdl", project, movie), management: true), cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteMovieAsync(string project, string movie, CancellationToken cancellationToken = default) =>
        api.SendAndForgetAsync(api.Request(HttpMethod.Delete, MoviePath("sdl", project, movie), management: true), cancellationToken);

    /// <summary>The variables the movie uses, in order of first use.</summary>
    public async Task<IReadOnlyList<MovieVariable>> GetVariablesAsync(string project, string movie, CancellationToken cancellationToken = default) =>
        (await api.GetAsync<VariableList>(MoviePath("sdlvariables", project, movie), cancellationToken, management: true).ConfigureAwait(false)).Variables;

    /// <summary>Checks the stored movie with these params without rendering: missing variables, unused params, assets, URLs, fonts, text that will not fit.</summary>
    public Task<ValidationResult> ValidateAsync(
        string project, string movie, IReadOnlyDictionary<string, string>? parameters = null, CancellationToken cancellationToken = default)
    {
        var body = JsonContent.Create(new { @params = parameters ?? new Dictionary<string, string>() }, options: ApiTransport.Json);
        return api.SendAsync<ValidationResult>(api.Request(HttpMethod.Post, MoviePath("validate", project, movie), management: true, body), cancellationToken);
    }

    private static string MoviePath(string call, string project, string movie) => $"/v1/{call}/{ApiTransport.Escape(project)}/{ApiTransport.Escape(movie)}";

    private sealed record ProjectList(IReadOnlyList<string[]> Projects);

    private sealed record MovieList([property: JsonPropertyName("SDLS")] IReadOnlyList<string> Sdls);

    /// <summary>The API's <c>defaultvalue</c> and <c>numframes</c> match <see cref="MovieVariable"/>'s names case-insensitively.</summary>
    private sealed record VariableList(IReadOnlyList<MovieVariable> Variables);
}
