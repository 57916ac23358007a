using Orleans.Render.Api.Contracts;
using Orleans.Render.Api.Http;
using Orleans.Render.Api.OpenApi;

namespace Orleans.Render.Api.Endpoints;

/// <summary>
/// A project's webhook secret, which signs its upload callbacks (<c>X-Signature</c>, see docs/uploads.md): read it to
/// verify callbacks, rotate it when it may have leaked. Management calls, like the rest of the Project API.
/// </summary>
public static class WebhookSecretEndpoints
{
    public static void MapWebhookSecretEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/webhooksecret").AddEndpointFilter<BasicAuthenticationFilter>().RequireCors(ApiCors.ManagementPolicy)
            .WithTags("Projects").ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);

        group.MapGet("/{project}", (string project, IClusterClient client) =>
            AnswerAsync(client, project, secret => secret.GetAsync()))
            .WithSummary("The secret that signs the project's upload callbacks (made on first use)").Produces<ProjectSecret>();

        group.MapPost("/{project}/rotate", (string project, IClusterClient client) =>
            AnswerAsync(client, project, secret => secret.RotateAsync()))
            .WithSummary("Replace the webhook secret; later callbacks are signed with the new one").Produces<ProjectSecret>();
    }

    private static async Task<IResult> AnswerAsync(IClusterClient client, string project, Func<IWebhookSecretGrain, Task<string>> read)
    {
        if (await ProjectEndpoints.FindProjectAsync(client, project) is null)
        {
            return ProjectEndpoints.UnknownProject(project);
        }

        var secret = await read(client.GetGrain<IWebhookSecretGrain>(project));
        return Results.Json(new ProjectSecret(project, secret));
    }
}
