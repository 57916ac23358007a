using FFMpegCore;
using Orleans.Render.Models;
using Orleans.Render.TestSupport;
using Xunit;

namespace Orleans.Render.Grains.Tests;

/// <summary>Jobs with transitions and sound: segments never cut a transition, the sound is rendered once and muxed.</summary>
[Collection(PoolClusterCollection.Name)]
public sealed class TransitionAndSoundRenderTests(PoolClusterFixture fixture)
{
    private string PathOf(OutputResult result) => Path.Combine(fixture.MediaRoot, result.MediaKey!);

    /// <summary>1 s + 1 s + 1 s with a 10-frame crossfade and a 5-frame slide: 60 frames, with a music track and poster frame 20.</summary>
    private async Task<string> MovieAsync() => $$$"""
        {"width": 320, "height": 180, "fps": 25, "posterFrame": 20,
         "audio": {"url": "{{{fixture.Images.AddFile("music.wav", await TestMedia.ToneAsync(1000, 5))}}}", "fadeOut": 0.2},
         "scenes": [
           {"duration": 1, "background": "#ff0000"},
           {"duration": 1, "background": "#0000ff", "transition": {"type": "crossfade", "duration": 0.4}},
           {"duration": 1, "background": "#00ff00", "transition": {"type": "slideleft", "duration": 0.2}}]}
        """;

    [Theory]
    [InlineData("mp4", "aac")]
    [InlineData("webm", "opus")]
    public async Task Parallel_three_with_transitions_and_sound_equals_parallel_one(string extension, string codec)
    {
        var movie = await MovieAsync();
        var one = await (await Jobs.CreateAsync(fixture, movie)).RenderAsync(new OutputRequest(extension));
        var split = await Jobs.CreateAsync(fixture, movie, parallel: 3);
        var three = await split.RenderAsync(new OutputRequest(extension));

        Assert.Equal((OutputStatus.Done, OutputStatus.Done), (one.Status, three.Status));
        var segments = (await split.GetSegmentsAsync()).Segments;
        Assert.Equal(3, segments.Count);
        Assert.All(segments.Skip(1), s => Assert.False(s.StartFrame is > 15 and < 25 || s.StartFrame is > 40 and < 45, $"cut at {s.StartFrame} is inside a transition"));
        Assert.Equal(60, (await MediaInspector.ProbeAsync(PathOf(three))).FrameCount);
        Assert.True(await MediaInspector.PsnrAsync(PathOf(three), PathOf(one)) > 35, "parallel 3 decodes to the same pictures as parallel 1");

        foreach (var output in new[] { one, three })
        {
            var sound = Assert.Single((await FFProbe.AnalyseAsync(PathOf(output))).AudioStreams);
            Assert.Equal((codec, 48000, 2), (sound.CodecName, sound.SampleRateHz, sound.Channels));
            var samples = await TestMedia.DecodeSoundAsync(PathOf(output));
            Assert.InRange(samples.Length / 48000.0, 2.4 - 0.04, 2.4 + 0.04);
            Assert.InRange(TestMedia.Amplitude(samples, 1000, 48000, 9600), 0.1, 0.14);
        }
    }

    [Fact]
    public async Task A_still_without_a_frame_is_the_poster_frame_and_equals_that_frame_of_the_video()
    {
        var job = await Jobs.CreateAsync(fixture, await MovieAsync());

        var poster = await job.RenderAsync(new OutputRequest("png", PosterFrame: true));
        var video = await job.RenderAsync(new OutputRequest("mp4"));

        Assert.Equal((OutputStatus.Done, OutputStatus.Done), (poster.Status, video.Status));
        Assert.Empty((await FFProbe.AnalyseAsync(PathOf(poster))).AudioStreams);
        var still = await MediaInspector.DecodeFrameAsync(PathOf(poster), 0, 320, 180);
        var frame = await MediaInspector.DecodeFrameAsync(PathOf(video), 20, 320, 180);
        Assert.True(still.IsNear(160, 90, (128, 0, 128), 30), $"frame 20 is half way through the crossfade: {still.At(160, 90)}");
        Assert.True(frame.IsNear(160, 90, still.At(160, 90), 12));
    }
}
