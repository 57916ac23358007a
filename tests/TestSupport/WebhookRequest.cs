namespace Orleans.Render.TestSupport;

/// <summary>A callback as <see cref="UploadTargetServer"/> received it: the request target is path and query.</summary>
public sealed record WebhookRequest(string Name, string Method, string Target, string Body, string Timestamp, string Signature);
