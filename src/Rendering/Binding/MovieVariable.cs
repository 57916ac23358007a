namespace Orleans.Render.Rendering.Binding;

/// <summary>A variable a movie uses, with the kind of field it appears in (<c>text</c>, <c>color</c>, <c>url</c>, or <c>boolean</c> for a condition).</summary>
public sealed record MovieVariable(string Name, string? DefaultValue, string Type);
