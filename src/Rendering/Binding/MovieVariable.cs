namespace Orleans.Render.Rendering.Binding;

/// <summary>
/// A variable a movie uses, with the kind of field it appears in (<c>text</c>, <c>color</c>, <c>url</c>, <c>number</c>
/// or <c>boolean</c> for conditions) and the movie frames of its first use: <c>[Offset, Offset + NumFrames)</c>.
/// </summary>
public sealed record MovieVariable(string Name, string? DefaultValue, string Type, int Offset = 0, int NumFrames = 0);
