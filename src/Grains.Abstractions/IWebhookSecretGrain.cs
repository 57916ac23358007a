namespace Orleans.Render;

/// <summary>
/// A project's webhook secret (key: the project id), which signs its upload callbacks (see
/// <c>Conventions.Webhooks.WebhookSignature</c>). Made on first use and kept until rotated.
/// </summary>
[Alias("render.v1.IWebhookSecretGrain")]
public interface IWebhookSecretGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<string> GetAsync();

    /// <summary>Replaces the secret; callbacks made from now on are signed with the new one.</summary>
    [Alias("rotate")]
    Task<string> RotateAsync();
}
