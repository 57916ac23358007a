using System.Text;
using Azure.Storage.Blobs;
using Orleans.Render.Models.Uploads;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>What each destination type does with the rendered file (the upload lifecycle is in UploadGrainTests.cs).</summary>
public sealed partial class UploadGrainTests
{
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
    public async Task An_azure_destination_naming_only_its_account_uploads_with_the_connection_string_the_server_holds()
    {
        var container = new BlobServiceClient(fixture.StorageConnectionString).GetBlobContainerClient(UploadClusterFixture.HeldAzureContainer);
        await container.CreateIfNotExistsAsync();
        var blob = $"{Guid.NewGuid():N}.mp4";
        var destination = new AzureBlobDestination(UploadClusterFixture.HeldAzureAccount, UploadClusterFixture.HeldAzureContainer, blob, null, null, null, null);

        var (job, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, false, null, null));
        var info = await upload.WaitAsync();

        Assert.True(info.Status == UploadStatus.Succeeded, info.LastError);
        var downloaded = (await container.GetBlobClient(blob).DownloadContentAsync()).Value;
        Assert.Equal(UploadTargetServer.Sha256(await Uploads.RenderedAsync(fixture, job, "mp4")), UploadTargetServer.Sha256(downloaded.Content.ToArray()));
    }

    [Fact]
    public async Task Server_held_credentials_not_granted_fail_at_once_without_an_attempt_at_the_destination()
    {
        var otherContainer = new AzureBlobDestination(UploadClusterFixture.HeldAzureAccount, "not-granted", "a.mp4", null, null, null, null);
        var policy = Uploads.S3(fixture, $"{Guid.NewGuid():N}.mp4") with { AccessKeyId = null, SecretAccessKey = null, UsePolicy = true };

        foreach (var destination in new UploadDestination[] { otherContainer, policy })
        {
            var (_, upload) = await Uploads.StartAsync(fixture, new UploadTask("mp4", destination, false, null, null));
            var info = await upload.WaitAsync();

            Assert.Equal(UploadStatus.Failed, info.Status);
            Assert.Equal(1, info.Attempts);
            Assert.Contains("credentials the server holds", info.LastError, StringComparison.Ordinal);
        }
    }
}
