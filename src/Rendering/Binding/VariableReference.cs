namespace Orleans.Render.Rendering.Binding;

/// <summary>One <c>${name, default, options}</c> occurrence in a string field.</summary>
public sealed record VariableReference(string Name, string? DefaultValue, string Options);
