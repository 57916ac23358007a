using Orleans.Render.Conventions;

namespace Orleans.Render.Api.Access;

/// <summary>
/// Applies <see cref="RenderAccess"/> to every route of a render API group, finding the project from the route: a
/// <c>{project}</c>, or the project of a <c>{token}</c> (or <c>{file}</c> = <c>{token}.{ext}</c>) or batch <c>{id}</c>.
/// A segment (<c>{token}/…/{segment}</c>) is signed as its token's directory (<see cref="SignedUrlGrant"/>). A token
/// or batch that does not exist goes on to its handler, which answers 404.
/// </summary>
public sealed class ProjectAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.RouteValues;
        var cache = http.RequestServices.GetRequiredService<AccessCache>();
        var path = http.Request.Path.Value ?? "";
        string? project;
        if (values["token"] is string token)
        {
            project = Names.IsValidToken(token) ? await cache.TokenProjectAsync(token) : null;
            path = values.ContainsKey("segment") ? SignedUrlGrant.SegmentDirectory(path, token) ?? path : path;
        }
        else if (values["file"] is string file && !values.ContainsKey("project"))
        {
            var dot = file.LastIndexOf('.');
            project = dot > 0 && Names.IsValidToken(file[..dot]) ? await cache.TokenProjectAsync(file[..dot]) : null;
        }
        else if (values["id"] is string id)
        {
            project = Names.IsValidToken(id) ? await cache.BatchProjectAsync(id) : null;
        }
        else
        {
            project = values["project"] as string;
        }

        if (project is null || !Names.IsValidName(project))
        {
            return await next(context);
        }

        return await http.RequestServices.GetRequiredService<RenderAccess>().CheckAsync(http, project, path) ?? await next(context);
    }
}
