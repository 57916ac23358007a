namespace Orleans.Render.Grains.Webhooks;

[GenerateSerializer, Alias("render.v1.WebhookSecretState")]
public sealed class WebhookSecretState
{
    [Id(0)] public string? Secret { get; set; }

    [Id(1)] public DateTimeOffset? RotatedAt { get; set; }
}
