namespace Orleans.Render.Rendering.Binding;

/// <summary>A variable a movie uses, with the kind of field it appears in (<c>text</c>, <c>color</c> or <c>url</c>).</summary>
public sealed record MovieVariable(string Name, string? DefaultValue, string Type);
