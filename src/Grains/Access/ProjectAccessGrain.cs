using Orleans.Render.Conventions.Access;
using Orleans.Render.Models.Access;

namespace Orleans.Render.Grains.Access;

[GrainType("project-access")]
public sealed class ProjectAccessGrain(
    [PersistentState("access", GrainStorage.Name)] IPersistentState<ProjectAccessState> state) : Grain, IProjectAccessGrain
{
    public Task<ProjectAccess> GetAsync() => Task.FromResult(Access());

    public async Task<ProjectAccess> SetPrivateAsync(bool isPrivate)
    {
        state.State.Private = isPrivate;
        state.State.SigningSecret ??= AccessSecrets.NewSecret();
        await state.WriteStateAsync();
        return Access();
    }

    public async Task<IssuedSecret> CreateKeyAsync(string? comment)
    {
        var issued = new IssuedSecret(AccessSecrets.NewId(AccessSecrets.RenderKeyPrefix), AccessSecrets.NewSecret());
        state.State.Keys[issued.Id] = new RenderKeyRecord { SecretHash = AccessSecrets.Hash(issued.Secret), Comment = comment, CreatedAt = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        return issued;
    }

    public async Task<IssuedSecret?> RotateKeyAsync(string id)
    {
        if (!state.State.Keys.TryGetValue(id, out var record))
        {
            return null;
        }

        var issued = new IssuedSecret(id, AccessSecrets.NewSecret());
        record.SecretHash = AccessSecrets.Hash(issued.Secret);
        await state.WriteStateAsync();
        return issued;
    }

    public async Task<bool> RevokeKeyAsync(string id)
    {
        if (!state.State.Keys.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task<string> GetSigningSecretAsync() => state.State.SigningSecret ?? await RotateSigningSecretAsync();

    public async Task<string> RotateSigningSecretAsync()
    {
        state.State.SigningSecret = AccessSecrets.NewSecret();
        await state.WriteStateAsync();
        return state.State.SigningSecret;
    }

    public async Task ClearAsync()
    {
        await state.ClearStateAsync();
        state.State = new ProjectAccessState();
    }

    private ProjectAccess Access() => new(
        state.State.Private,
        state.State.SigningSecret,
        [.. state.State.Keys.OrderBy(k => k.Value.CreatedAt).Select(k => new RenderKeyInfo(k.Key, k.Value.Comment, k.Value.CreatedAt, k.Value.SecretHash))]);
}
