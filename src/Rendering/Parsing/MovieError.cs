namespace Orleans.Render.Rendering.Parsing;

/// <summary>One problem in a movie document, located by a JSON path such as <c>$.scenes[0].layers[2].fontSize</c>.</summary>
public sealed record MovieError(string Path, string Message);
