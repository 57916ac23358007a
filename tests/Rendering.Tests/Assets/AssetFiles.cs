using Orleans.Render.Rendering.Assets;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Assets;

/// <summary>A temporary folder of uploaded files and an <see cref="AssetInspector"/> to check them, as a project grain does.</summary>
public sealed class AssetFiles : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("asset-inspector-").FullName;

    public AssetOptions Options { get; } = new();

    /// <summary>Writes <paramref name="bytes"/> to a new file with the extension of <paramref name="name"/>, as the grain copies an upload.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory, $"upload-{Guid.NewGuid():N}{Path.GetExtension(name).ToLowerInvariant()}");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public Task<InspectedAsset> InspectAsync(string name, byte[] bytes, string? contentType = null, CancellationToken cancellationToken = default) =>
        new AssetInspector(Options).InspectAsync(Write(name, bytes), name, contentType, cancellationToken);

    /// <summary>Inspects and expects a refusal with <paramref name="code"/>; the message must not reveal where the server keeps the file.</summary>
    public async Task<RenderInputException> RefusedAsync(string code, string name, byte[] bytes, string? contentType = null)
    {
        var refusal = await Assert.ThrowsAsync<RenderInputException>(() => InspectAsync(name, bytes, contentType));
        Assert.Equal(code, refusal.Code);
        Assert.DoesNotContain(Directory, refusal.Message, StringComparison.Ordinal);
        return refusal;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
