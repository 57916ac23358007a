using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>Content addressing: identical work on any token is rendered once and served from the segment store.</summary>
[Collection(RenderClusterCollection.Name)]
public sealed class SegmentStoreTests(RenderClusterFixture fixture)
{
    [Fact]
    public async Task An_identical_request_on_a_new_token_is_served_from_the_store_without_rendering()
    {
        var movie = Movies.Unique(Movies.TwoScenes);
        var first = await (await Jobs.CreateAsync(fixture, movie)).RenderAsync(new OutputRequest("mp4"));
        var writes = fixture.Writes.Total;

        var again = await Jobs.CreateAsync(fixture, movie);
        var second = await again.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal((OutputStatus.Done, first.MediaKey), (second.Status, second.MediaKey));
        Assert.Equal(writes, fixture.Writes.Total);
        Assert.Equal(1, fixture.Writes.Of(first.MediaKey!));
        var progress = await again.GetProgressAsync();
        Assert.Equal((50, 50, OutputStatus.Done, 1), (progress.Done, progress.Total, progress.Status, progress.Reused));
    }

    [Fact]
    public async Task A_param_that_changes_only_the_last_scene_reuses_the_other_segments()
    {
        var movie = Movies.Unique(Movies.NameInLastScene);
        var alex = await Jobs.CreateAsync(fixture, movie, parallel: 3, parameters: new() { ["name"] = "Alex" });
        var sam = await Jobs.CreateAsync(fixture, movie, parallel: 3, parameters: new() { ["name"] = "Sam" });

        var first = await alex.RenderAsync(new OutputRequest("mp4"));
        var writes = fixture.Writes.Total;
        var second = await sam.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal((OutputStatus.Done, OutputStatus.Done), (first.Status, second.Status));
        Assert.NotEqual(first.MediaKey, second.MediaKey);
        Assert.Equal(2, (await sam.GetProgressAsync()).Reused);
        Assert.Equal(writes + 2, fixture.Writes.Total);
        var facts = await MediaInspector.ProbeAsync(Path.Combine(fixture.MediaRoot, second.MediaKey!));
        Assert.Equal(75, facts.FrameCount);
        var last = await MediaInspector.DecodeFrameAsync(Path.Combine(fixture.MediaRoot, second.MediaKey!), 70, 320, 180);
        Assert.True(last.IsNear(300, 170, (128, 0, 0), 8));
    }

    [Fact]
    public async Task Concurrent_requests_for_identical_work_on_different_tokens_render_it_once()
    {
        var movie = Movies.Unique(Movies.ThreeScenes);
        var jobs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Jobs.CreateAsync(fixture, movie, parallel: 3)));

        var results = await Task.WhenAll(jobs.Select(j => j.RenderAsync(new OutputRequest("webm"))));

        Assert.All(results, r => Assert.Equal(OutputStatus.Done, r.Status));
        var key = Assert.Single(results.Select(r => r.MediaKey).Distinct());
        Assert.Equal(1, fixture.Writes.Of(key!));
    }
}
