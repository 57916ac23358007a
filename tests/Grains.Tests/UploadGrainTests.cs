using System.Text;
using Azure.Storage.Blobs;
using Orleans.Render.Models.Uploads;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

public sealed class UploadGrainTests(UploadClusterFixture fixture) : IClassFixture<UploadClusterFixture>
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
    public async Task A_file_over_the_multipart_threshold_goes_to_s3_in_parts_and_arrives_whole()
    {
        var key = $"{Guid.NewGuid():N}.gif";

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("gif", Uploads.S3(fixture, key), false, null, null), Movies.ThreeScenes);
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        var rendered = await Uploads.RenderedAsync(fixture, job, "gif");
        Assert.True(rendered.Length >= UploadClusterFixture.MultipartThreshold, $"{rendered.Length} bytes");
        var (bytes, _) = await fixture.S3.GetAsync(key);
        Assert.Equal(UploadTargetServer.Sha256(rendered), UploadTargetServer.Sha256(bytes));
        var parts = (rendered.Length + 16383) / 16384;
        Assert.Contains($"{key}?partNumber={parts}&uploadId=", fixture.S3.RecentRequests());
    }

    [Fact]
    public async Task A_multipart_upload_failing_mid_way_is_finished_by_the_next_attempt_as_one_whole_object()
    {
        var key = $"{Guid.NewGuid():N}.gif";
        fixture.S3Proxy.FailWhenContains = $"{key}?partNumber=3&";
        fixture.S3Proxy.FailCount = 1;
        var destination = Uploads.S3(fixture, key) with { Host = fixture.S3Proxy.BaseUrl };

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("gif", destination, false, null, null), Movies.ThreeScenes);
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        Assert.Equal(2, info.Attempts);
        Assert.Contains("503", (await upload.GetInfoAsync())!.LastError);
        var (bytes, _) = await fixture.S3.GetAsync(key);
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "gif")), UploadTargetServer.Sha256(bytes));
        Assert.Single(await fixture.S3.KeysAsync(), k => k == key);
        // s3rver cannot list parts (405), so the second attempt starts a new multipart upload rather than trusting old parts.
        Assert.Contains(fixture.S3Proxy.Requests, r => r.StartsWith("GET", StringComparison.Ordinal) && r.Contains($"{key}?uploadId=", StringComparison.Ordinal));
        Assert.Equal(2, fixture.S3Proxy.Requests.Count(r => r.StartsWith("POST", StringComparison.Ordinal) && r.Contains($"{key}?uploads", StringComparison.Ordinal)));
        Assert.Single(fixture.S3Proxy.Requests, r => r.StartsWith("POST", StringComparison.Ordinal) && r.Contains($"{key}?uploadId=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_youtube_upload_cut_off_mid_chunk_resumes_from_the_bytes_youtube_confirmed()
    {
        Targets.YouTubeCutAfterBytes = 5000;
        var destination = new YouTubeDestination(
            "yt-secret", "Hello", "A personal video", "22", "unlisted", ["one", "two"], "PL123", NotifySubscribers: false, "video/mp4");
        var name = Guid.NewGuid().ToString("N");

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, true, Targets.Url($"/callback/{name}"), null));
        var info = await Uploads.SettledAsync(upload);

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        Assert.Equal(2, info.Attempts);
        var video = Targets.YouTubeVideos[info.Result!];
        var rendered = await Uploads.RenderedAsync(fixture, job, "mp4");
        Assert.Equal(UploadTargetServer.Sha256(rendered), UploadTargetServer.Sha256(video.Bytes));
        Assert.Contains(Targets.YouTubeChunks, c => c.Start == 5000);
        Assert.Equal("Bearer yt-secret", video.Authorization);
        Assert.Contains("notifySubscribers=false", video.Query);
        Assert.Equal("Hello", (string?)video.Metadata["snippet"]!["title"]);
        Assert.Equal("22", (string?)video.Metadata["snippet"]!["categoryId"]);
        Assert.Equal("two", (string?)video.Metadata["snippet"]!["tags"]![1]);
        Assert.Equal("unlisted", (string?)video.Metadata["status"]!["privacyStatus"]);
        Assert.Contains(Targets.YouTubePlaylistItems, i => (string?)i["snippet"]!["resourceId"]!["videoId"] == info.Result);
        Assert.Contains(Targets.Callbacks, c => c == (name, info.Result));
    }

    [Fact]
    public async Task A_facebook_upload_sends_the_video_in_chunks_and_answers_the_video_id()
    {
        var destination = new FacebookDestination("fb-secret", "page-42", "Title", "Description", null, null);

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, false, null, null), Movies.ThreeScenes);
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        var video = Targets.FacebookVideos[info.Result!];
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "mp4")), UploadTargetServer.Sha256(video.Bytes));
        Assert.Equal(("page-42", "fb-secret", "Title", "Description"), (video.Target, video.AccessToken, video.Fields["title"], video.Fields["description"]));
    }

    [Theory]
    [InlineData("png", false)]
    [InlineData("gif", true)]
    public async Task A_dropbox_upload_overwrites_the_file_at_its_path_in_one_request_or_a_session(string extension, bool large)
    {
        var path = $"/videos/{Guid.NewGuid():N}.{extension}";
        Targets.FailNextUploads = 1;

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask(extension, new DropboxDestination("dbx-secret", path), false, null, null), Movies.ThreeScenes);
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        Assert.Equal((path, 2), (info.Result, info.Attempts));
        var rendered = await Uploads.RenderedAsync(fixture, job, extension);
        Assert.Equal(large, rendered.Length > 16384);
        var (bytes, authorization) = Targets.DropboxFiles[path];
        Assert.Equal(UploadTargetServer.Sha256(rendered), UploadTargetServer.Sha256(bytes));
        Assert.Equal("Bearer dbx-secret", authorization);
    }

    [Fact]
    public async Task A_facebook_upload_whose_transfer_fails_resumes_the_same_upload_session()
    {
        var starts = Targets.UploadRequests.Count(r => r == "POST facebook start");
        Targets.FailNextUploads = 1;
        var destination = new FacebookDestination("fb-secret", "me", null, null, null, null);

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("gif", destination, false, null, null), Movies.ThreeScenes);
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        Assert.Equal(2, info.Attempts);
        Assert.Equal(starts + 1, Targets.UploadRequests.Count(r => r == "POST facebook start"));
        var video = Targets.FacebookVideos[info.Result!];
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "gif")), UploadTargetServer.Sha256(video.Bytes));
    }

    [Fact]
    public async Task An_azure_blob_upload_writes_the_blob_and_answers_its_url()
    {
        var container = new BlobServiceClient(fixture.StorageConnectionString).GetBlobContainerClient("uploads");
        await container.CreateIfNotExistsAsync();
        var blob = $"{Guid.NewGuid():N}.mp4";
        var destination = new AzureBlobDestination(null, "uploads", blob, null, null, fixture.StorageConnectionString, "video/mp4");

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, false, null, null));
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        var client = container.GetBlobClient(blob);
        Assert.Equal(client.Uri.AbsoluteUri, info.Result);
        var downloaded = (await client.DownloadContentAsync()).Value;
        Assert.Equal("video/mp4", downloaded.Details.ContentType);
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "mp4")), UploadTargetServer.Sha256(downloaded.Content.ToArray()));
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
