using Microsoft.Extensions.Options;

namespace Orleans.Render.Storage.Tests;

public sealed class FileSystemMediaStoreTests : MediaStoreContract, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("media-store-root-").FullName;

    protected override Task<IMediaStore> CreateStoreAsync() =>
        Task.FromResult<IMediaStore>(new FileSystemMediaStore(Options.Create(new MediaStoreOptions { Root = root })));

    public void Dispose() => Directory.Delete(root, recursive: true);
}
