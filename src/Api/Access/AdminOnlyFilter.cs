using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.Access;

/// <summary>After <see cref="BasicAuthenticationFilter"/>: only an admin key (one in <c>Management:Keys</c>) goes on; others are 403 <c>forbidden</c>.</summary>
public sealed class AdminOnlyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        ManagementCaller.Of(context.HttpContext).IsAdmin
            ? await next(context)
            : ApiErrors.Error(StatusCodes.Status403Forbidden, "forbidden", "Only an admin key (one in Management:Keys) may do this.");
}
