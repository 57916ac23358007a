using System.Collections.Concurrent;
using Orleans.Render.Storage;

namespace Orleans.Render.Grains.Tests;

/// <summary>The real file-system store, counting writes per key so a test can see how often a render stored its output.</summary>
public sealed class CountingMediaStore(IMediaStore inner, CountingMediaStore.Counter counter) : IMediaStore
{
    public async Task<MediaObject> PutFileAsync(string key, string localPath, CancellationToken cancellationToken)
    {
        var stored = await inner.PutFileAsync(key, localPath, cancellationToken);
        counter.Add(key);
        return stored;
    }

    public Task<MediaObject?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task DownloadToFileAsync(string key, string localPath, CancellationToken cancellationToken) =>
        inner.DownloadToFileAsync(key, localPath, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken) => inner.DeletePrefixAsync(prefix, cancellationToken);

    public sealed class Counter
    {
        private readonly ConcurrentDictionary<string, int> writes = new(StringComparer.Ordinal);

        public void Add(string key) => writes.AddOrUpdate(key, 1, (_, n) => n + 1);

        public int Of(string key) => writes.GetValueOrDefault(key);

        /// <summary>Every write to any key: unchanged across a request means nothing was rendered for it.</summary>
        public int Total => writes.Values.Sum();
    }
}
