namespace Orleans.Render.Client;

/// <summary>A project: the uid every call takes, and the name it was created with.</summary>
public sealed record ProjectSummary(string Uid, string Name);

/// <summary>A variable a movie uses (<c>GET /v1/sdlvariables</c>): <see cref="Type"/> is text, color, url, number or boolean.</summary>
public sealed record MovieVariable(string Name, string? DefaultValue, int Offset, int NumFrames, string Type);

/// <summary>What <c>POST /v1/validate</c> found: <see cref="Valid"/> when there are no errors.</summary>
public sealed record ValidationResult(string Movie, bool Valid, IReadOnlyList<MovieProblem> Errors, IReadOnlyList<MovieProblem> Warnings);

/// <summary>A problem of a movie or its params: a JSON path into the movie (or <c>params.{name}</c>) and a sentence.</summary>
public sealed record MovieProblem(string Path, string Message);
