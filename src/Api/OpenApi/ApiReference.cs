using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Orleans.Render.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, generated from the endpoints and their metadata
/// (<see cref="EndpointDocumentation"/>), and the interactive reference at <c>/docs</c> (Scalar), whose script is served
/// from the package: the page fetches nothing from elsewhere.
/// </summary>
public static class ApiReference
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/docs";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Orleans.Render API",
                    Version = "v1",
                    Description = "The impossible.io-compatible render API: projects, movies and assets (management key), tokens, renders, " +
                        "retrieval, uploads and batches. Errors are {\"error\": \"code\", \"message\": \"sentence\"}.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ServerErrorResponses.ManagementKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = "A management key and its secret (Management:Keys) as HTTP Basic user and password.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<RequestBodies>();
            options.AddOperationTransformer<ServerErrorResponses>();
        });

    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(PagePath, options => options
            .WithTitle("Orleans.Render API")
            .WithOpenApiRoutePattern(DocumentPath)
            .DisableDefaultFonts());
    }
}
