using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Xunit;

namespace Orleans.Render.Storage.Tests;

/// <summary>
/// What grains and the API rely on from any <see cref="IMediaStore"/>. Each store's test class derives from this,
/// so a behaviour that holds for one store and not the other fails there.
/// </summary>
public abstract class MediaStoreContract : IAsyncLifetime
{
    private readonly string scratch = Directory.CreateTempSubdirectory("media-store-tests-").FullName;

    protected IMediaStore Store { get; private set; } = null!;

    /// <summary>A store over empty storage, new for every test.</summary>
    protected abstract Task<IMediaStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(scratch, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Put_then_get_describes_the_object_with_a_quoted_etag()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var put = await PutAsync("renders/t1/mp4.mp4", Bytes(1000));

        var stored = await Store.GetAsync("renders/t1/mp4.mp4", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal("renders/t1/mp4.mp4", stored.Key);
        Assert.Equal(1000, stored.Length);
        Assert.Equal(put, stored);
        Assert.True(EntityTagHeaderValue.TryParse(stored.ETag, out var tag), $"'{stored.ETag}' is not an entity tag.");
        Assert.False(tag.IsWeak);
        Assert.InRange(stored.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Get_of_a_missing_key_is_null()
    {
        await PutAsync("renders/t1/mp4.mp4", Bytes(10));

        Assert.Null(await Store.GetAsync("renders/t1/gif.gif", CancellationToken.None));
        Assert.Null(await Store.GetAsync("renders/t2/mp4.mp4", CancellationToken.None));
    }

    [Fact]
    public async Task Overwriting_replaces_the_content_and_changes_the_etag()
    {
        var first = await PutAsync("renders/t1/mp4.mp4", Bytes(1000, seed: 1));
        var second = Bytes(1000, seed: 2);
        await PutAsync("renders/t1/mp4.mp4", second);

        var stored = await Store.GetAsync("renders/t1/mp4.mp4", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.NotEqual(first.ETag, stored.ETag);
        Assert.Equal(second, await ReadAllAsync("renders/t1/mp4.mp4"));
    }

    [Fact]
    public async Task Open_read_knows_its_length_and_seeks_to_a_range()
    {
        // Larger than the blob client's 4 MiB read buffer, so seeks cross buffer boundaries.
        var content = Bytes((5 * 1024 * 1024) + 321);
        await PutAsync("renders/t1/mp4.mp4", content);

        await using var stream = await Store.OpenReadAsync("renders/t1/mp4.mp4", CancellationToken.None);

        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        Assert.Equal(content[100..200], await ReadAtAsync(stream, 100, 100));
        Assert.Equal(content[^50..], await ReadAtAsync(stream, content.Length - 50, 50));
        Assert.Equal(content[4_194_000..4_194_600], await ReadAtAsync(stream, 4_194_000, 600));
        Assert.Equal(content[..10], await ReadAtAsync(stream, 0, 10));
    }

    [Fact]
    public async Task A_range_request_served_from_the_store_returns_206_with_those_bytes()
    {
        // The API's GetOutputAsync serves outputs exactly like this.
        var content = Bytes(1000);
        await PutAsync("renders/t1/mp4.mp4", content);
        var stored = (await Store.GetAsync("renders/t1/mp4.mp4", CancellationToken.None))!;
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = HttpMethods.Get;
        http.Request.Headers.Range = "bytes=100-199";
        var body = new MemoryStream();
        http.Response.Body = body;

        var stream = await Store.OpenReadAsync(stored.Key, CancellationToken.None);
        await Results.File(stream, "video/mp4", lastModified: stored.LastModified, entityTag: new EntityTagHeaderValue(stored.ETag), enableRangeProcessing: true)
            .ExecuteAsync(http);

        Assert.Equal(StatusCodes.Status206PartialContent, http.Response.StatusCode);
        Assert.Equal("bytes 100-199/1000", http.Response.Headers.ContentRange.ToString());
        Assert.Equal(stored.ETag, http.Response.Headers.ETag.ToString());
        Assert.Equal(content[100..200], body.ToArray());
    }

    [Fact]
    public async Task Download_to_file_copies_the_object_and_replaces_an_existing_file()
    {
        var content = Bytes(3000);
        await PutAsync("renders/t1/segments/0.mp4", content);
        var target = Path.Combine(scratch, "segment-0.mp4");
        await File.WriteAllBytesAsync(target, Bytes(9000, seed: 7));

        await Store.DownloadToFileAsync("renders/t1/segments/0.mp4", target, CancellationToken.None);

        Assert.Equal(content, await File.ReadAllBytesAsync(target));
    }

    [Fact]
    public async Task Reading_a_missing_key_throws_file_not_found_and_leaves_no_file()
    {
        var target = Path.Combine(scratch, "missing.mp4");

        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync("renders/t1/mp4.mp4", CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.DownloadToFileAsync("renders/t1/mp4.mp4", target, CancellationToken.None));
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch));
    }

    [Theory]
    [InlineData("renders/a/", new[] { "renders/a/mp4.mp4", "renders/a/segments/0.mp4" },
        new[] { "renders/ab/mp4.mp4", "renders/b/mp4.mp4", "other/a/mp4.mp4", "renders/a.mp4" })]
    [InlineData("renders/a", new[] { "renders/a/mp4.mp4", "renders/ab/mp4.mp4", "renders/a.mp4" },
        new[] { "renders/b/mp4.mp4", "renders/ba.mp4", "other/a/mp4.mp4" })]
    public async Task Delete_prefix_removes_what_the_prefix_matches_a_trailing_slash_meaning_one_folder(
        string prefix, string[] doomed, string[] kept)
    {
        foreach (var key in doomed.Concat(kept))
        {
            await PutAsync(key, Bytes(10));
        }

        await Store.DeletePrefixAsync(prefix, CancellationToken.None);

        foreach (var key in doomed)
        {
            Assert.Null(await Store.GetAsync(key, CancellationToken.None));
        }

        foreach (var key in kept)
        {
            Assert.NotNull(await Store.GetAsync(key, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("renders//")]
    [InlineData("../")]
    public async Task Invalid_prefixes_are_rejected(string prefix)
    {
        await PutAsync("renders/a/mp4.mp4", Bytes(10));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeletePrefixAsync(prefix, CancellationToken.None));
        Assert.NotNull(await Store.GetAsync("renders/a/mp4.mp4", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_exactly_that_key_and_a_missing_key_is_no_error()
    {
        foreach (var key in (string[])["assets/p/logo.png", "assets/p/logo.png2", "assets/p/logo.png.bak"])
        {
            await PutAsync(key, Bytes(10));
        }

        await Store.DeleteAsync("assets/p/logo.png", CancellationToken.None);
        await Store.DeleteAsync("assets/p/missing.png", CancellationToken.None);

        Assert.Null(await Store.GetAsync("assets/p/logo.png", CancellationToken.None));
        Assert.NotNull(await Store.GetAsync("assets/p/logo.png2", CancellationToken.None));
        Assert.NotNull(await Store.GetAsync("assets/p/logo.png.bak", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_prefix_with_nothing_under_it_succeeds()
    {
        await PutAsync("renders/b/mp4.mp4", Bytes(10));

        await Store.DeletePrefixAsync("renders/a/", CancellationToken.None);

        Assert.NotNull(await Store.GetAsync("renders/b/mp4.mp4", CancellationToken.None));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("/a")]
    [InlineData("a/./b")]
    [InlineData("a/../../b")]
    [InlineData("a b")]
    [InlineData("a\\..\\b")]
    public async Task Invalid_keys_are_rejected_by_every_operation(string key)
    {
        var local = Path.Combine(scratch, "local.bin");
        await File.WriteAllBytesAsync(local, Bytes(10));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutFileAsync(key, local, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DownloadToFileAsync(key, local, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeletePrefixAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, CancellationToken.None));
    }

    protected async Task<MediaObject> PutAsync(string key, byte[] content)
    {
        var local = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(local, content);
        return await Store.PutFileAsync(key, local, CancellationToken.None);
    }

    protected static byte[] Bytes(int length, int seed = 0)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private async Task<byte[]> ReadAllAsync(string key)
    {
        await using var stream = await Store.OpenReadAsync(key, CancellationToken.None);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<byte[]> ReadAtAsync(Stream stream, long offset, int count)
    {
        Assert.Equal(offset, stream.Seek(offset, SeekOrigin.Begin));
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
