using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Orleans.Render.Storage.Tests;

public sealed class MediaStoreOptionsTests
{
    [Fact]
    public async Task Azure_blob_without_a_connection_string_fails_start_up_naming_the_key()
    {
        using var host = Host(new() { ["Media:Provider"] = "AzureBlob" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Media:ConnectionString", error.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Media")]
    [InlineData("media_files")]
    [InlineData("-media")]
    [InlineData("media-")]
    [InlineData("me--dia")]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g123")]
    public void A_bad_container_name_fails_validation_naming_the_key(string container)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["Media:Provider"] = "AzureBlob",
            ["Media:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Media:Container"] = container,
        }));

        Assert.Contains("Media:Container", error.Message);
        Assert.DoesNotContain("Media:ConnectionString", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_fails_without_repeating_it()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()
        {
            ["Media:Provider"] = "AzureBlob",
            ["Media:ConnectionString"] = "AccountKey=secret-value",
        }));

        Assert.Contains("Media:ConnectionString", error.Message);
        Assert.DoesNotContain("secret-value", error.Message);
    }

    [Fact]
    public void File_system_without_a_root_fails_validation_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new()));

        Assert.Contains("Media:Root", error.Message);
    }

    [Fact]
    public void An_unknown_provider_fails_validation_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new() { ["Media:Provider"] = "S3", ["Media:Root"] = "/tmp" }));

        Assert.Contains("Media:Provider", error.Message);
    }

    [Fact]
    public void The_provider_picks_the_store()
    {
        using var files = Services(new() { ["Media:Root"] = Path.GetTempPath() });
        using var blobs = Services(new() { ["Media:Provider"] = "AzureBlob", ["Media:ConnectionString"] = "UseDevelopmentStorage=true" });

        Assert.IsType<FileSystemMediaStore>(files.GetRequiredService<IMediaStore>());
        Assert.IsType<AzureBlobMediaStore>(blobs.GetRequiredService<IMediaStore>());
        Assert.Equal("media", blobs.GetRequiredService<IOptions<MediaStoreOptions>>().Value.Container);
    }

    private static MediaStoreOptions Options(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<MediaStoreOptions>>().Value;
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMediaStore(configuration).BuildServiceProvider();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMediaStore(builder.Configuration);
        return builder.Build();
    }
}
