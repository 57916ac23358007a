namespace Orleans.Render.Rendering.Validation;

/// <summary>A problem found before rendering, located by JSON path in the movie (or <c>params.{name}</c> for a param).</summary>
public sealed record ValidationProblem(string Path, string Message);

/// <summary>Errors make the render fail; warnings are what a user probably did not mean (unused params, shrunk text).</summary>
public sealed record MovieValidation(IReadOnlyList<ValidationProblem> Errors, IReadOnlyList<ValidationProblem> Warnings);
