using Orleans.Render.Models;
using Orleans.Render.Models.Uploads;
using Orleans.Render.TestSupport;

namespace Orleans.Render.Grains.Tests;

/// <summary>Starting upload grains the way the API does, and the destinations the tests send to.</summary>
internal static class Uploads
{
    public const string Project = "project";

    /// <summary>A new token for <paramref name="movie"/> and its upload task 0 (of <paramref name="count"/>), started.</summary>
    public static async Task<(IRenderJobGrain Job, IUploadGrain Upload)> StartAsync(
        UploadClusterFixture fixture, UploadTask task, string movie = Movies.TwoScenes)
    {
        var job = await Jobs.CreateAsync(fixture, movie);
        var token = job.GetPrimaryKeyString();
        var upload = fixture.Grains.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, 0));
        await upload.StartAsync(new UploadJob(token, Project, 0, 1, task));
        return (job, upload);
    }

    /// <summary>The bytes the render job stored for the token's output (already rendered: asking again only looks it up).</summary>
    public static async Task<byte[]> RenderedAsync(UploadClusterFixture fixture, IRenderJobGrain job, string extension)
    {
        var output = await job.RenderAsync(new OutputRequest(extension, PosterFrame: true));
        return await File.ReadAllBytesAsync(Path.Combine(fixture.MediaRoot, output.MediaKey!));
    }

    public static S3Destination S3(UploadClusterFixture fixture, string key) => new(
        S3Server.Bucket, key, S3Server.AccessKey, S3Server.SecretKey, UsePolicy: false, fixture.S3.Host, Secure: false,
        "application/octet-stream", null, "public-read", ReducedRedundancy: false, null, new Dictionary<string, string>(), null);

    public static HttpDestination HttpPut(UploadClusterFixture fixture, string path) =>
        new(fixture.Targets.Url($"/http/{path}"), "PUT", new Dictionary<string, string> { ["Authorization"] = "Bearer http-secret" }, "file", null, null);

    /// <summary>Polls until the upload has ended and its callback is settled (or two minutes pass).</summary>
    public static async Task<UploadInfo> SettledAsync(IUploadGrain upload)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        UploadInfo info;
        do
        {
            await Task.Delay(100);
            info = (await upload.GetInfoAsync())!;
        }
        while (!(info.HasEnded && info.Callback != CallbackStatus.Pending) && DateTime.UtcNow < deadline);

        return info;
    }
}
