using System.Diagnostics.CodeAnalysis;
using Orleans.Render.Conventions;
using Orleans.Render.Conventions.Access;

namespace Orleans.Render.Api.Access;

/// <summary>
/// A render key as clients send it (<c>Authorization: Bearer {project}.{id}.{secret}</c>): it names its project, so a
/// call that names none (a batch) knows it, and a key of another project is told apart from a wrong one.
/// </summary>
public sealed record RenderKey(string Project, string Id, string Secret)
{
    public string Value => $"{Project}.{Id}.{Secret}";

    public static bool TryParse(string? value, [NotNullWhen(true)] out RenderKey? key)
    {
        key = null;
        var last = value?.LastIndexOf('.') ?? -1;
        var middle = last > 0 ? value!.LastIndexOf('.', last - 1) : -1;
        if (middle <= 0)
        {
            return false;
        }

        var (project, id, secret) = (value![..middle], value[(middle + 1)..last], value[(last + 1)..]);
        if (!Names.IsValidName(project) || !AccessSecrets.IsId(id, AccessSecrets.RenderKeyPrefix) || secret.Length is 0 or > 100)
        {
            return false;
        }

        key = new RenderKey(project, id, secret);
        return true;
    }

    /// <summary>Never the secret: records print themselves into logs and exception messages.</summary>
    public override string ToString() => $"{Project}.{Id}.…";
}
