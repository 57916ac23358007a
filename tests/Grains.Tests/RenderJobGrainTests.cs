using Azure.Storage.Blobs;
using Orleans.Storage;
using System.Diagnostics;
using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

[Collection(RenderClusterCollection.Name)]
public sealed class RenderJobGrainTests(RenderClusterFixture fixture)
{
    private Task<IRenderJobGrain> CreateJobAsync(
        string movie, Dictionary<string, string>? parameters = null, TimeSpan? ttl = null, Dictionary<string, string>? map = null) =>
        Jobs.CreateAsync(fixture, movie, ttl: ttl, parameters: parameters, map: map);

    private string PathOf(OutputResult result) => Path.Combine(fixture.MediaRoot, result.MediaKey!);

    [Fact]
    public async Task Renders_an_output_into_the_media_store_and_reports_it_done()
    {
        var job = await CreateJobAsync(Movies.TwoScenes);

        var result = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal(OutputStatus.Done, result.Status);
        Assert.Equal("video/mp4", result.ContentType);
        var facts = await MediaInspector.ProbeAsync(PathOf(result));
        Assert.Equal((320, 180, 50), (facts.Width, facts.Height, facts.FrameCount));
        var progress = await job.GetProgressAsync();
        Assert.Equal((50, 50, OutputStatus.Done), (progress.Done, progress.Total, progress.Status));
    }

    [Fact]
    public async Task Concurrent_requests_for_the_same_output_share_one_render_and_later_ones_reuse_it()
    {
        var job = await CreateJobAsync(Movies.TwoScenes);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.RenderAsync(new OutputRequest("webm"))));
        var again = await job.RenderAsync(new OutputRequest("webm"));

        Assert.All(results, r => Assert.Equal(OutputStatus.Done, r.Status));
        Assert.Single(results.Select(r => r.MediaKey).Append(again.MediaKey).Distinct());
        Assert.Equal(1, fixture.Writes.Of(again.MediaKey!));
    }

    [Fact]
    public async Task Still_frames_are_separate_outputs_keyed_by_frame_and_quality()
    {
        var job = await CreateJobAsync(Movies.TwoScenes);

        var first = await job.RenderAsync(new OutputRequest("jpg", 0, 90));
        var last = await job.RenderAsync(new OutputRequest("png", 49));
        var outside = await job.RenderAsync(new OutputRequest("png", 50));

        Assert.NotEqual(first.MediaKey, last.MediaKey);
        var navy = await MediaInspector.DecodeFrameAsync(PathOf(first), 0, 320, 180);
        Assert.True(navy.IsNear(300, 170, (0, 0, 128)));
        var green = await MediaInspector.DecodeFrameAsync(PathOf(last), 0, 320, 180);
        Assert.True(green.IsNear(300, 170, (0, 100, 0), 8));
        Assert.True(green.IsNear(40, 40, ImageServer.LogoColour, 8));
        Assert.Equal(("frame_out_of_range", true), (outside.ErrorCode, outside.IsInputError));
    }

    [Fact]
    public async Task The_movie_map_picks_a_movie_per_extension_and_refuses_unmapped_ones()
    {
        var job = await CreateJobAsync(Movies.TwoScenes, map: new() { ["mp4"] = "movie", ["gif"] = "other" });

        var gif = await job.RenderAsync(new OutputRequest("gif"));
        var webm = await job.RenderAsync(new OutputRequest("webm"));
        var unknown = await job.RenderAsync(new OutputRequest("avi"));

        Assert.Equal(OutputStatus.Done, gif.Status);
        Assert.Equal("gif", (await MediaInspector.ProbeAsync(PathOf(gif))).Codec);
        Assert.Equal("extension_not_mapped", webm.ErrorCode);
        Assert.Equal("unsupported_extension", unknown.ErrorCode);
    }

    [Fact]
    public async Task Input_problems_fail_the_output_with_their_reason_kept()
    {
        var refused = await CreateJobAsync(Movies.TwoScenes, new() { ["logo"] = "http://169.254.169.254/latest/meta-data" });
        var undecodable = await CreateJobAsync(Movies.TwoScenes, new() { ["logo"] = fixture.Images.Url("garbage.png") });
        var badColour = await CreateJobAsync(Movies.TwoScenes, new() { ["bg"] = "navy" });

        var results = new[]
        {
            await refused.RenderAsync(new OutputRequest("mp4")),
            await undecodable.RenderAsync(new OutputRequest("mp4")),
            await badColour.RenderAsync(new OutputRequest("mp4")),
        };

        Assert.Equal(["url_refused", "image_invalid", "invalid_param"], results.Select(r => r.ErrorCode));
        Assert.All(results, r => Assert.Equal((OutputStatus.Failed, true), (r.Status, r.IsInputError)));
        Assert.Equal(OutputStatus.Failed, (await refused.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task Progress_counts_frames_while_rendering_and_deleting_kills_ffmpeg_and_leaves_a_cancelled_token()
    {
        var job = await CreateJobAsync(Movies.Unique(Movies.Long));
        var token = job.GetPrimaryKeyString();
        await job.RenderAsync(new OutputRequest("png", 10));
        var render = job.RenderAsync(new OutputRequest("mp4"));

        RenderProgress progress;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            progress = await job.GetProgressAsync();
        }
        while (progress.Done == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(OutputStatus.Rendering, progress.Status);
        Assert.Equal(1800, progress.Total);
        Assert.InRange(progress.Done, 1, 1799);
        Assert.NotEmpty(FfmpegProcessesFor(token));

        Assert.True(await job.DeleteAsync());

        Assert.Equal(OutputStatus.Cancelled, (await render).Status);
        // Cancellation reaches the segment's silo as a message after the caller has moved on: allow it a moment.
        var killedBy = DateTime.UtcNow.AddSeconds(10);
        while (FfmpegProcessesFor(token).Count > 0 && DateTime.UtcNow < killedBy)
        {
            await Task.Delay(100);
        }

        Assert.Empty(FfmpegProcessesFor(token));
        Assert.True((await job.GetInfoAsync())!.Cancelled);
        Assert.Equal("cancelled", (await job.RenderAsync(new OutputRequest("png", 10))).ErrorCode);
        Assert.False(await job.DeleteAsync());
    }

    [Fact]
    public async Task A_token_past_its_time_to_live_is_expired_and_renders_nothing()
    {
        var job = await CreateJobAsync(Movies.TwoScenes, ttl: TimeSpan.FromMilliseconds(300));
        await Task.Delay(500);

        Assert.True((await job.GetInfoAsync())!.Expired);
        Assert.Equal("expired", (await job.RenderAsync(new OutputRequest("mp4"))).ErrorCode);
    }

    [Fact]
    public async Task A_tokens_expiry_bucket_ends_its_render_and_forgets_its_outputs_once_it_expires()
    {
        var job = await CreateJobAsync(Movies.Unique(Movies.Long), ttl: TimeSpan.FromSeconds(3));
        var token = job.GetPrimaryKeyString();
        var bucket = fixture.Grains.GetGrain<ITokenExpiryGrain>(TokenExpiryGrain.KeyOf((await job.GetInfoAsync())!.ExpiresAt, TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(token, await bucket.GetTokensAsync());
        // A token joins its bucket once it has something to end: here, when its render is first recorded.
        var render = job.RenderAsync(new OutputRequest("mp4"));
        await Jobs.WaitForSegmentsAsync(job, s => s.Segments.Count > 0);
        Assert.Contains(token, await bucket.GetTokensAsync());

        // The bucket fires within about 5 s, usually while the 72 s movie still renders; then it cancels the render.
        Assert.Contains((await render.WaitAsync(TimeSpan.FromSeconds(60))).Status, new[] { OutputStatus.Cancelled, OutputStatus.Done });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await bucket.GetTokensAsync()).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Empty(await bucket.GetTokensAsync());
        Assert.True((await job.GetInfoAsync())!.Expired);
        Assert.Empty((await job.GetSegmentsAsync()).Segments);
        Assert.Equal("expired", (await job.RenderAsync(new OutputRequest("mp4"))).ErrorCode);
    }

    [Fact]
    public async Task State_survives_deactivation_and_the_stored_output_is_served_without_rendering_again()
    {
        var job = await CreateJobAsync(Movies.TwoScenes);
        var first = await job.RenderAsync(new OutputRequest("mp4"));

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var info = await job.GetInfoAsync();
        var second = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.NotNull(info);
        Assert.Equal(first.MediaKey, second.MediaKey);
        Assert.Equal(1, fixture.Writes.Of(first.MediaKey!));
        Assert.Equal(OutputStatus.Done, (await job.GetProgressAsync()).Status);
    }

    [Fact]
    public async Task A_stale_activation_whose_write_conflicts_deactivates_and_the_next_call_renders_on_fresh_state()
    {
        var job = await CreateJobAsync(Movies.Unique(Movies.TwoScenes));
        var token = job.GetPrimaryKeyString();
        // A new token is a row of the token ledger; its first render writes the job's own state.
        Assert.Equal(OutputStatus.Done, (await job.RenderAsync(new OutputRequest("png", 10))).Status);
        // Another activation writing the state is what a membership change can leave behind: here the state blob changes
        // under this activation, so its next write meets a newer ETag.
        var blobs = new BlobServiceClient(fixture.StorageConnectionString);
        var changed = 0;
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                if (blob.Name.Contains(token, StringComparison.Ordinal))
                {
                    await client.GetBlobClient(blob.Name).SetMetadataAsync(new Dictionary<string, string> { ["touched"] = "by another activation" });
                    changed++;
                }
            }
        }

        var stale = await Record.ExceptionAsync(() => job.RenderAsync(new OutputRequest("mp4")));
        var fresh = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal(1, changed);
        Assert.IsType<InconsistentStateException>(stale);
        Assert.Equal(OutputStatus.Done, fresh.Status);
        Assert.Equal(OutputStatus.Done, (await job.GetProgressAsync()).Status);
    }

    /// <summary>ffmpeg processes whose command line names the token (the segment renderer puts it in its scratch path).</summary>
    private static List<int> FfmpegProcessesFor(string token) =>
        [.. Process.GetProcessesByName("ffmpeg").Where(p => CommandLine(p.Id).Contains(token, StringComparison.Ordinal)).Select(p => p.Id)];

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
