using System.Text;
using Azure.Storage.Blobs;
using Orleans.Render.Models.Uploads;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed partial class UploadGrainTests(UploadClusterFixture fixture) : IClassFixture<UploadClusterFixture>
{
    private UploadTargetServer Targets => fixture.Targets;

    [Fact]
    public async Task An_s3_upload_stores_the_rendered_bytes_with_the_destinations_headers_and_metadata()
    {
        var key = $"videos/{Guid.NewGuid():N}/hello world.mp4";
        var destination = Uploads.S3(fixture, key) with
        {
            ContentType = "video/mp4",
            ContentDisposition = "attachment; filename=\"hello.mp4\"",
            CacheControl = "max-age=60",
            Metadata = new Dictionary<string, string> { ["campaign"] = "spring" },
        };

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, false, null, null));
        var info = await upload.WaitAsync();

        Assert.Equal(UploadStatus.Succeeded, info.Status);
        Assert.Equal(1, info.Attempts);
        Assert.Equal($"http://{fixture.S3.Endpoint}/{S3Server.Bucket}/videos/{key.Split('/')[1]}/hello%20world.mp4", info.Result);
        var (bytes, response) = await fixture.S3.GetAsync(key);
        var rendered = await Uploads.RenderedAsync(fixture, job, "mp4");
        Assert.True(rendered.Length < UploadClusterFixture.MultipartThreshold, $"{rendered.Length} bytes");
        Assert.Equal(UploadTargetServer.Sha256(rendered), UploadTargetServer.Sha256(bytes));
        Assert.Equal("video/mp4", response.Headers.ContentType);
        Assert.Equal("attachment; filename=\"hello.mp4\"", response.Headers.ContentDisposition);
        Assert.Equal("max-age=60", response.Headers.CacheControl);
        Assert.Equal("spring", response.Metadata["campaign"]);
    }

    [Fact]
    public async Task A_destination_that_fails_three_times_gets_exactly_one_object_and_one_success_callback()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var name = Guid.NewGuid().ToString("N");
        Targets.FailNextUploads = 3;
        var task = new UploadTask("mp4", Uploads.HttpPut(fixture, path), true, Targets.Url($"/callback/{name}?from=test"), Targets.Url($"/callback/{name}-error"));

        var (job, upload) = await Uploads.StartAsync(fixture, task);
        var info = await Uploads.SettledAsync(upload);

        Assert.Equal(UploadStatus.Succeeded, info.Status);
        Assert.Equal(4, info.Attempts);
        Assert.Equal(CallbackStatus.Sent, info.Callback);
        Assert.Equal(4, Targets.UploadRequests.Count(r => r == $"PUT /http/{path}"));
        var stored = Targets.HttpObjects[path];
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "mp4")), UploadTargetServer.Sha256(stored.Bytes));
        Assert.Equal("Bearer http-secret", stored.Headers["Authorization"]);
        Assert.Equal(UploadJob.KeyOf(job.GetPrimaryKeyString(), 0), stored.Headers["Idempotency-Key"]);
        var callback = Assert.Single(Targets.Callbacks, c => c.Name.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal((name, Targets.Url($"/http/{path}")), callback);
    }

    [Fact]
    public async Task A_destination_that_never_succeeds_fails_after_the_configured_attempts_and_calls_onerror()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var name = Guid.NewGuid().ToString("N");
        Targets.FailNextUploads = -1;
        try
        {
            var task = new UploadTask("mp4", Uploads.HttpPut(fixture, path), true, Targets.Url($"/callback/{name}-ok"), Targets.Url($"/callback/{name}"));
            var (_, upload) = await Uploads.StartAsync(fixture, task);
            var info = await Uploads.SettledAsync(upload);

            Assert.Equal(UploadStatus.Failed, info.Status);
            Assert.Equal(UploadClusterFixture.MaxAttempts, info.Attempts);
            Assert.Equal(CallbackStatus.Sent, info.Callback);
            Assert.Contains("HTTP 503", info.LastError);
            Assert.Equal(UploadClusterFixture.MaxAttempts, Targets.UploadRequests.Count(r => r == $"PUT /http/{path}"));
            var callback = Assert.Single(Targets.Callbacks, c => c.Name.StartsWith(name, StringComparison.Ordinal));
            Assert.Equal(name, callback.Name);
            Assert.Contains("HTTP 503", callback.Message);
        }
        finally
        {
            Targets.FailNextUploads = 0;
        }
    }

    [Fact]
    public async Task A_destination_on_a_private_address_that_is_not_allow_listed_fails_at_once()
    {
        var task = new UploadTask("mp4", new HttpDestination("http://127.0.0.2:9/upload", "PUT", new Dictionary<string, string>(), "file", null, null), false, null, null);

        var (_, upload) = await Uploads.StartAsync(fixture, task);
        var info = await upload.WaitAsync();

        Assert.Equal((UploadStatus.Failed, 1), (info.Status, info.Attempts));
        Assert.Contains("not a public address", info.LastError);
    }

    [Fact]
    public async Task A_callback_to_a_private_address_is_refused_and_the_upload_still_succeeds()
    {
        var path = $"{Guid.NewGuid():N}.png";
        var task = new UploadTask("png", Uploads.HttpPut(fixture, path), false, "http://127.0.0.3:9/done", null);

        var (_, upload) = await Uploads.StartAsync(fixture, task);
        var info = await Uploads.SettledAsync(upload);

        Assert.Equal((UploadStatus.Succeeded, CallbackStatus.Failed), (info.Status, info.Callback));
        Assert.True(Targets.HttpObjects.ContainsKey(path));
    }

    [Fact]
    public async Task Async_uploads_of_one_project_run_at_most_two_at_a_time_and_the_rest_wait_their_turn()
    {
        Targets.HoldUploads = TimeSpan.FromMilliseconds(1500);
        try
        {
            var job = await Jobs.CreateAsync(fixture, Movies.TwoScenes);
            var token = job.GetPrimaryKeyString();
            await job.RenderAsync(new Models.OutputRequest("mp4"));
            var uploads = new List<IUploadGrain>();
            for (var i = 0; i < 5; i++)
            {
                var upload = fixture.Grains.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, i));
                await upload.StartAsync(new UploadJob(token, $"slots-{token}", i, 5, new UploadTask("mp4", Uploads.HttpPut(fixture, $"{token}/{i}"), true, null, null)));
                uploads.Add(upload);
            }

            var sawQueued = false;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!sawQueued && DateTime.UtcNow < deadline)
            {
                sawQueued = (await Task.WhenAll(uploads.Select(u => u.GetInfoAsync()))).Any(i => i!.Queued);
                await Task.Delay(50);
            }

            var infos = await Task.WhenAll(uploads.Select(Uploads.SettledAsync));

            Assert.All(infos, i => Assert.Equal((UploadStatus.Succeeded, 1), (i.Status, i.Attempts)));
            Assert.True(sawQueued, "some uploads waited for a slot");
            Assert.Equal(2, Targets.MaxConcurrentUploads);
        }
        finally
        {
            Targets.HoldUploads = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Credentials_are_gone_from_the_persisted_state_once_the_upload_has_ended()
    {
        var secret = $"secret-{Guid.NewGuid():N}";
        var destination = Uploads.HttpPut(fixture, $"{Guid.NewGuid():N}.png") with { Headers = new Dictionary<string, string> { ["X-Api-Key"] = secret } };
        var blobs = new BlobServiceClient(fixture.StorageConnectionString);

        Targets.HoldUploads = TimeSpan.FromSeconds(2);
        int whileRunning;
        UploadInfo info;
        try
        {
            var (_, upload) = await Uploads.StartAsync(fixture, new UploadTask("png", destination, false, null, null));
            whileRunning = await PersistedStatesContainingAsync(blobs, secret);
            info = await upload.WaitAsync();
        }
        finally
        {
            Targets.HoldUploads = TimeSpan.Zero;
        }

        Assert.Equal(UploadStatus.Succeeded, info.Status);
        Assert.True(whileRunning > 0, "the running upload keeps its credentials in its state");
        Assert.Equal(0, await PersistedStatesContainingAsync(blobs, secret));
    }

    [Fact]
    public async Task An_upload_whose_silo_dies_mid_transfer_is_finished_once_by_another_silo()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var name = Guid.NewGuid().ToString("N");
        Targets.HoldUploads = TimeSpan.FromSeconds(3);
        try
        {
            var task = new UploadTask("mp4", Uploads.HttpPut(fixture, path), true, Targets.Url($"/callback/{name}"), null);
            var (job, upload) = await Uploads.StartAsync(fixture, task);
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Targets.UploadRequests.Contains($"PUT /http/{path}") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var running = (await upload.GetInfoAsync())!;
            Assert.Equal(UploadStatus.Uploading, running.Status);
            await fixture.Cluster.KillSiloAsync(fixture.Cluster.GetActiveSilos().Single(s => s.SiloAddress.ToString() == running.Silo));
            await fixture.Cluster.StartAdditionalSiloAsync();
            Targets.HoldUploads = TimeSpan.Zero;
            var info = await Uploads.SettledAsync(upload);

            Assert.Equal((UploadStatus.Succeeded, 2, CallbackStatus.Sent), (info.Status, info.Attempts, info.Callback));
            Assert.NotEqual(running.Silo, info.Silo);
            Assert.Single(Targets.HttpObjects.Keys, k => k == path);
            Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "mp4")), UploadTargetServer.Sha256(Targets.HttpObjects[path].Bytes));
            Assert.Single(Targets.Callbacks, c => c.Name == name);
        }
        finally
        {
            Targets.HoldUploads = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_cancelled_upload_is_cut_off_mid_transfer_never_retried_never_calls_back_and_forgets_its_credentials()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        var name = Guid.NewGuid().ToString("N");
        var secret = $"secret-{Guid.NewGuid():N}";
        var destination = Uploads.HttpPut(fixture, path) with { Headers = new Dictionary<string, string> { ["X-Api-Key"] = secret } };
        var blobs = new BlobServiceClient(fixture.StorageConnectionString);
        Targets.HoldUploads = TimeSpan.FromSeconds(3);
        try
        {
            var task = new UploadTask("mp4", destination, true, Targets.Url($"/callback/{name}-ok"), Targets.Url($"/callback/{name}-error"));
            var (_, upload) = await Uploads.StartAsync(fixture, task);
            var waiting = upload.WaitAsync();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!Targets.UploadRequests.Contains($"PUT /http/{path}") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var cancelled = (await upload.CancelAsync())!;
            var answered = await waiting;
            // Past the held request and several backoffs: a retry or a callback would have happened by now.
            await Task.Delay(TimeSpan.FromSeconds(5));
            var info = (await upload.GetInfoAsync())!;

            Assert.Equal((UploadStatus.Cancelled, CallbackStatus.None), (cancelled.Status, cancelled.Callback));
            Assert.Equal(UploadStatus.Cancelled, answered.Status);
            Assert.Equal((UploadStatus.Cancelled, 1, CallbackStatus.None, (DateTimeOffset?)null), (info.Status, info.Attempts, info.Callback, info.NextAttemptAt));
            Assert.Single(Targets.UploadRequests, r => r == $"PUT /http/{path}");
            Assert.False(Targets.HttpObjects.ContainsKey(path), "the transfer under way was cut off");
            Assert.DoesNotContain(Targets.Callbacks, c => c.Name.StartsWith(name, StringComparison.Ordinal));
            Assert.Equal(0, await PersistedStatesContainingAsync(blobs, secret));
            Assert.Equal(UploadStatus.Cancelled, (await upload.CancelAsync())!.Status);
        }
        finally
        {
            Targets.HoldUploads = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_render_that_fails_on_a_bad_param_fails_the_upload_at_once_with_the_renders_error_code()
    {
        var path = $"{Guid.NewGuid():N}.mp4";
        const string placed = """
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "solid", "color": "#f00", "x": "${left, 10}", "width": 20, "height": 20}]}]}
            """;
        var job = await Jobs.CreateAsync(fixture, placed, parameters: new() { ["left"] = "far" });
        var token = job.GetPrimaryKeyString();
        var upload = fixture.Grains.GetGrain<IUploadGrain>(UploadJob.KeyOf(token, 0));
        await upload.StartAsync(new UploadJob(token, Uploads.Project, 0, 1, new UploadTask("mp4", Uploads.HttpPut(fixture, path), false, null, null)));

        var info = await upload.WaitAsync();

        Assert.Equal((UploadStatus.Failed, 1, "invalid_param", true), (info.Status, info.Attempts, info.RenderError, info.IsRenderInputError));
        Assert.DoesNotContain(Targets.UploadRequests, r => r == $"PUT /http/{path}");
    }

    private static async Task<int> PersistedStatesContainingAsync(BlobServiceClient blobs, string text)
    {
        var found = 0;
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                found += Encoding.UTF8.GetString(content).Contains(text, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        return found;
    }
}
