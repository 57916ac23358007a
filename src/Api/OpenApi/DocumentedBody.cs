namespace Orleans.Render.Api.OpenApi;

/// <summary>A request body an endpoint reads itself, for the document only (<see cref="EndpointDocumentation.DocumentsBody{TBody}"/>).</summary>
public sealed record DocumentedBody(Type Type, bool Optional, IReadOnlyList<string> ContentTypes);
