using Orleans.Render.Conventions.Access;

namespace Orleans.Render.Grains.Webhooks;

[GrainType("webhook-secret")]
public sealed class WebhookSecretGrain(
    [PersistentState("webhook-secret", GrainStorage.Name)] IPersistentState<WebhookSecretState> state) : Grain, IWebhookSecretGrain
{
    public async Task<string> GetAsync() => state.State.Secret ?? await RotateAsync();

    public async Task<string> RotateAsync()
    {
        state.State.Secret = "whsec_" + AccessSecrets.NewSecret();
        state.State.RotatedAt = DateTimeOffset.UtcNow;
        await state.WriteStateAsync();
        return state.State.Secret;
    }
}
