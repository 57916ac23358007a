using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// A project's webhook secret, which signs its upload callbacks (<c>X-Signature</c>, see docs/uploads.md): read it to
/// verify callbacks, rotate it when it may have leaked. Management calls, like the rest of the Project API.
/// </summary>
public static class WebhookSecretEndpoints
{
    public static void MapWebhookSecretEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooksecret").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy);

        group.MapGet("/{project}", (string project, IClusterClient client) =>
            AnswerAsync(client, project, secret => secret.GetAsync()));

        group.MapPost("/{project}/rotate", (string project, IClusterClient client) =>
            AnswerAsync(client, project, secret => secret.RotateAsync()));
    }

    private static async Task<IResult> AnswerAsync(IClusterClient client, string project, Func<IWebhookSecretGrain, Task<string>> read)
    {
        if (await ProjectEndpoints.FindProjectAsync(client, project) is null)
        {
            return ProjectEndpoints.UnknownProject(project);
        }

        var secret = await read(client.GetGrain<IWebhookSecretGrain>(project));
        return Results.Json(new { project, secret });
    }
}
