using Orleans.Render.Conventions.Access;
using Orleans.Render.Models.Access;

namespace Orleans.Render.Grains.Access;

[GrainType("management-keys")]
public sealed class ManagementKeysGrain(
    [PersistentState("keys", GrainStorage.Name)] IPersistentState<ManagementKeysState> state) : Grain, IManagementKeysGrain
{
    private Dictionary<string, ManagementKeyRecord> Keys => state.State.Keys;

    public async Task<IssuedSecret> CreateAsync(string? comment)
    {
        var issued = new IssuedSecret(AccessSecrets.NewId(AccessSecrets.ManagementKeyPrefix), AccessSecrets.NewSecret());
        Keys[issued.Id] = new ManagementKeyRecord { SecretHash = AccessSecrets.Hash(issued.Secret), Comment = comment, CreatedAt = DateTimeOffset.UtcNow };
        await state.WriteStateAsync();
        return issued;
    }

    public async Task<IssuedSecret?> RotateAsync(string key)
    {
        if (!Keys.TryGetValue(key, out var record) || record.Revoked)
        {
            return null;
        }

        var issued = new IssuedSecret(key, AccessSecrets.NewSecret());
        record.SecretHash = AccessSecrets.Hash(issued.Secret);
        await state.WriteStateAsync();
        return issued;
    }

    public async Task<bool> RevokeAsync(string key)
    {
        if (!Keys.TryGetValue(key, out var record))
        {
            return false;
        }

        record.Revoked = true;
        await state.WriteStateAsync();
        return true;
    }

    public Task<ManagementKeyInfo?> GetAsync(string key) =>
        Task.FromResult(Keys.TryGetValue(key, out var record) ? Info(key, record) : null);

    public Task<IReadOnlyList<ManagementKeyInfo>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ManagementKeyInfo>>([.. Keys.OrderBy(k => k.Value.CreatedAt).Select(k => Info(k.Key, k.Value))]);

    public async Task AddProjectAsync(string key, string project)
    {
        if (Keys.TryGetValue(key, out var record) && record.Projects.Add(project))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveProjectAsync(string project)
    {
        var removed = false;
        foreach (var record in Keys.Values)
        {
            removed |= record.Projects.Remove(project);
        }

        if (removed)
        {
            await state.WriteStateAsync();
        }
    }

    private static ManagementKeyInfo Info(string key, ManagementKeyRecord record) =>
        new(key, record.Comment, record.CreatedAt, record.Revoked, record.SecretHash, [.. record.Projects.Order(StringComparer.Ordinal)]);
}
