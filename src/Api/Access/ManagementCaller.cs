namespace Orleans.Render.Api.Access;

/// <summary>
/// Who made a management call (an <see cref="HttpContext"/> feature set by the authentication filter): an admin key
/// from configuration, which manages every project, or a key made through the API, which manages those it created.
/// </summary>
public sealed record ManagementCaller(string Key, bool IsAdmin, IReadOnlyCollection<string> Projects)
{
    public bool MayManage(string project) => IsAdmin || Projects.Contains(project);

    public static ManagementCaller Of(HttpContext http) =>
        http.Features.Get<ManagementCaller>() ?? throw new InvalidOperationException("A management endpoint is mapped without BasicAuthenticationFilter.");
}
