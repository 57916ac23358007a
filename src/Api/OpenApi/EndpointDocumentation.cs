using Orleans.Render.Api.Http;

namespace Orleans.Render.Api.OpenApi;

/// <summary>
/// The metadata every endpoint gives the OpenAPI document, next to its <c>Map…</c> call: <c>Produces&lt;T&gt;</c> for
/// each success, <see cref="ProducesErrors{TBuilder}"/> for the error codes it answers, <see cref="DocumentsBody{TBody}"/>
/// for a body it reads itself. 500 and 503 are every endpoint's and are added by <see cref="ServerErrorResponses"/>.
/// Never <c>Accepts&lt;T&gt;</c>: routing matches its content types, so a body sent as another type (curl's default
/// form type, an image upload as image/webp) would fall through to the 404 fallback.
/// </summary>
public static class EndpointDocumentation
{
    private static readonly string[] Json = ["application/json"];

    /// <summary>Documents error statuses answered with the one error shape, <c>{"error", "message"}</c>; on a group, for all its endpoints.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiErrors.ErrorBody), Json));
        }

        return builder;
    }

    /// <summary>Documents a 200 whose body is a file (a rendered output, an asset, a playlist) of one of these media types.</summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder builder, IEnumerable<string> contentTypes, int statusCode = StatusCodes.Status200OK) =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(Stream), [.. contentTypes.Distinct()]));

    /// <summary>
    /// Documents a body the handler reads itself (hostile input is parsed field by field, not bound), as JSON unless
    /// other media types are named; <see cref="RequestBodies"/> writes it into the document.
    /// </summary>
    public static RouteHandlerBuilder DocumentsBody<TBody>(this RouteHandlerBuilder builder, bool optional = false, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(TBody), optional, contentTypes.Length > 0 ? contentTypes : Json));
}
