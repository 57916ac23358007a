using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Render.Api.Contracts;

/// <summary><c>GET /v1/list/project</c>: every project as <c>[uid, name]</c>.</summary>
public sealed record ProjectList([property: JsonPropertyName("Projects")] IEnumerable<string[]> Projects);

/// <summary><c>POST /v1/project/{name}</c>: the new project's id, which every other call names.</summary>
public sealed record ProjectCreated([property: JsonPropertyName("Project-UID")] string ProjectUid);

/// <summary><c>POST /v1/publish/{project}/{location}</c>.</summary>
public sealed record ProjectPublished([property: JsonPropertyName("Published-UID")] string PublishedUid);

/// <summary>
/// What a classic client expects of a DELETE: 200 with a body naming what went (it takes 204 for a failure). The
/// name's key is <c>Project-UID</c>, <c>Movie</c> or <c>Resource-Name</c>; each is its own record below.
/// </summary>
public sealed record ProjectDeleted([property: JsonPropertyName("Project-UID")] string ProjectUid, bool Deleted = true);

/// <inheritdoc cref="ProjectDeleted"/>
public sealed record MovieDeleted([property: JsonPropertyName("Movie")] string Movie, bool Deleted = true);

/// <inheritdoc cref="ProjectDeleted"/>
public sealed record AssetDeleted([property: JsonPropertyName("Resource-Name")] string ResourceName, bool Deleted = true);

/// <summary><c>GET /v1/list/sdl/{project}</c>: the project's movie names.</summary>
public sealed record MovieList([property: JsonPropertyName("SDLS")] IReadOnlyList<string> Movies);

/// <summary><c>PUT /v1/sdl/{project}/{movie}</c>: the movie was stored.</summary>
public sealed record MovieStored([property: JsonPropertyName("Movie")] string Movie);

/// <summary>422 <c>invalid_movie</c>: the error shape plus every problem found, each at its JSON path.</summary>
public sealed record MovieRejected(string Error, string Message, IEnumerable<ProblemReport> Problems);

/// <summary>One problem of a movie (or of its params) at a JSON path such as <c>scenes[0].layers[1].color</c>.</summary>
public sealed record ProblemReport(string Path, string Message);

/// <summary><c>GET /v1/sdlvariables/{project}/{movie}</c>: the variables a movie uses.</summary>
public sealed record MovieVariables(IEnumerable<VariableReport> Variables);

/// <summary>One variable of a movie, with impossible.io's lower-case field names.</summary>
public sealed record VariableReport(
    string Name,
    [property: JsonPropertyName("defaultvalue"), Description("The default value, or null when the movie gives none.")] string? DefaultValue,
    [property: Description("The movie frame of the variable's first use.")] int Offset,
    [property: JsonPropertyName("numframes"), Description("The frames of its first use.")] int NumFrames,
    [property: Description("The kind of field it feeds: text, color, number, url, boolean, …")] string Type);

/// <summary><c>POST /v1/validate/{project}/{movie}</c> and <c>GET /v1/sdlmovieerrors/…</c>: whether the movie renders with these params.</summary>
public sealed record ValidationReport(string Movie, bool Valid, IEnumerable<ProblemReport> Errors, IEnumerable<ProblemReport> Warnings);
