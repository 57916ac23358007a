using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Grains.Uploads;
using Orleans.Render.Models;
using Orleans.Render.Models.Uploads;
using Orleans.TestingHost;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>A destination type without an uploader is a configuration error: an upload to it fails at once.</summary>
[Collection(RenderClusterCollection.Name)]
public sealed class MissingUploaderTests(RenderClusterFixture fixture)
{
    [Fact]
    public async Task An_upload_to_a_type_without_an_uploader_fails_on_its_first_attempt_without_rendering()
    {
        var job = await Jobs.CreateAsync(fixture, Movies.TwoScenes);
        var token = job.GetPrimaryKeyString();
        var upload = fixture.Grains.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, 0));

        await upload.StartAsync(new UploadJob(token, Uploads.Project, 0, 1, new UploadTask("mp4", new UnregisteredDestination("north"), false, null, null)));
        var info = await upload.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(UploadStatus.Failed, info.Status);
        Assert.Equal(1, info.Attempts);
        Assert.Null(info.NextAttemptAt);
        Assert.StartsWith($"No uploader is registered for '{UnregisteredDestination.TypeName}' destinations.", info.LastError);
        Assert.Null(info.RenderError);
        Assert.Equal(OutputStatus.Pending, (await job.GetProgressAsync()).Status);
    }
}

/// <summary>A silo that cannot send to every destination type the API accepts does not start.</summary>
public sealed class MissingUploaderStartupTests
{
    [Fact]
    public async Task A_silo_without_an_uploader_for_a_destination_type_the_api_accepts_refuses_to_start()
    {
        var media = Directory.CreateTempSubdirectory("missing-uploader-").FullName;
        try
        {
            var builder = new InProcessTestClusterBuilder(1);
            builder.ConfigureSiloHost((_, host) =>
            {
                host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Media:Root"] = media,
                    ["Render:Engine:WorkDirectory"] = Path.Combine(media, "work"),
                });
                host.Services.AddRenderGrainServices(host.Configuration);
                host.Services.Remove(host.Services.Single(d => d.ImplementationType == typeof(DropboxUploader)));
            });
            await using var cluster = builder.Build();

            var failure = await Assert.ThrowsAnyAsync<Exception>(cluster.DeployAsync);

            Assert.Contains("Upload destinations: No uploader is registered for 'dropbox' destinations.", failure.ToString());
        }
        finally
        {
            Directory.Delete(media, recursive: true);
        }
    }
}
