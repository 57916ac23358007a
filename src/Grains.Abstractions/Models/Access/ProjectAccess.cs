namespace Orleans.Render.Models.Access;

/// <summary>
/// Who may use a project's render API: anyone when it is public; else a caller with one of its render keys or a URL
/// signed with its signing secret (null until the project first needs one).
/// </summary>
[GenerateSerializer, Immutable, Alias("render.v1.ProjectAccess")]
public sealed record ProjectAccess(
    [property: Id(0)] bool Private,
    [property: Id(1)] string? SigningSecret,
    [property: Id(2)] IReadOnlyList<RenderKeyInfo> Keys)
{
    public static ProjectAccess Public { get; } = new(false, null, []);
}
