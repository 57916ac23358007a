using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Orleans.Render.Api.Http;
using Orleans.Render.Models.Access;

namespace Orleans.Render.Api.Access;

/// <summary>
/// What the API needs to decide a request's access, read from the grains and kept for <see cref="AccessOptions.CacheTtl"/>
/// (a token's or batch's project never changes, so that is kept longer). Changes made through this process forget
/// their entries at once.
/// </summary>
public sealed class AccessCache(IClusterClient client, GrainCallRetry retry, IMemoryCache cache, IOptions<AccessOptions> options)
{
    private static readonly TimeSpan OwnerTtl = TimeSpan.FromMinutes(10);

    public Task<ProjectAccess> ProjectAsync(string project) =>
        GetAsync($"access:{project}", options.Value.CacheTtl, () => retry.ReadAsync(() => client.GetGrain<IProjectAccessGrain>(project).GetAsync()));

    /// <summary>A management key made through the API; <paramref name="fresh"/> reads the grain whatever is cached.</summary>
    public Task<ManagementKeyInfo?> ManagementKeyAsync(string key, bool fresh = false)
    {
        if (fresh)
        {
            cache.Remove($"key:{key}");
        }

        return GetAsync($"key:{key}", options.Value.CacheTtl, () => retry.ReadAsync(() => client.GetGrain<IManagementKeysGrain>(IManagementKeysGrain.Key).GetAsync(key)));
    }

    public Task<string?> TokenProjectAsync(string token) =>
        GetAsync($"token:{token}", OwnerTtl, async () => (await retry.ReadAsync(() => client.GetGrain<IRenderJobGrain>(token).GetInfoAsync()))?.Project);

    public Task<string?> BatchProjectAsync(string id) =>
        GetAsync($"batch:{id}", OwnerTtl, async () => (await retry.ReadAsync(() => client.GetGrain<IBatchGrain>(id).GetInfoAsync()))?.Project);

    public void ForgetProject(string project) => cache.Remove($"access:{project}");

    public void ForgetManagementKey(string key) => cache.Remove($"key:{key}");

    private async Task<T> GetAsync<T>(string key, TimeSpan ttl, Func<Task<T>> read)
    {
        if (cache.TryGetValue(key, out T? known))
        {
            return known!;
        }

        // Nothing is kept for a token or batch that does not exist yet: a batch's tokens are known before they are made.
        var value = await read();
        if (ttl > TimeSpan.Zero && value is not null)
        {
            cache.Set(key, value, ttl);
        }

        return value;
    }
}
