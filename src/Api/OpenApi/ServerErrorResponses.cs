using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.OpenApi;

/// <summary>
/// Adds what <see cref="ErrorHandlingMiddleware"/> answers for any endpoint, 500 <c>internal_error</c> and 503
/// <c>cluster_unavailable</c>, to every operation, and marks operations that answer 401 as needing the management key.
/// </summary>
internal sealed class ServerErrorResponses : IOpenApiOperationTransformer
{
    public const string ManagementKeyScheme = "managementKey";

    private static readonly (string Status, string Description)[] ServerErrors =
        [("500", "internal_error: the server failed to handle the request"), ("503", "cluster_unavailable: no render silo is reachable")];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        foreach (var (status, description) in ServerErrors)
        {
            if (!operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchemaReference(nameof(ApiErrors.ErrorBody), context.Document) },
                    },
                };
            }
        }

        if (operation.Responses.ContainsKey("401"))
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ManagementKeyScheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
