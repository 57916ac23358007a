using FFMpegCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Engine;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Rendering.Speech;
using Orleans.Render.TestSupport;
using Xunit;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Tests.Engine;

/// <summary>Text to speech with the default local voice (espeak-ng): heard where the layer plays, as long as the speech, cached.</summary>
public sealed class SpeechRenderTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private const string Sentence = "Hello world, this is a test of the speaking voice.";

    private SpeechCache Cache => fixture.Services.GetRequiredService<SpeechCache>();

    private async Task<double> SpokenSecondsAsync(string text, string? voice = null) =>
        (await FFProbe.AnalyseAsync(await Cache.GetFileAsync(SpeechRequest.Create(text, voice), CancellationToken.None))).Duration.TotalSeconds;

    private async Task<Timeline> BindAsync(string json)
    {
        var movie = MovieParser.Parse(json).Movie!;
        var parameters = new Dictionary<string, string>();
        var lengths = await fixture.Services.GetRequiredService<MediaLengthProbe>().ReadAsync(movie, parameters, EngineFixture.Project, fixture.Work, CancellationToken.None);
        return MovieBinder.Bind(movie, parameters, lengths);
    }

    [Fact]
    public async Task Spoken_text_is_audible_from_the_layer_start_for_the_length_of_the_speech_and_silent_around_it()
    {
        var spoken = await SpokenSecondsAsync(Sentence);
        Assert.InRange(spoken, 1.5, 6);
        var timeline = EngineFixture.Bind($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": {{Math.Ceiling(spoken) + 1}}, "layers": [
              {"type": "audio", "speech": "{{Sentence}}", "start": 0.4}]}]}
            """);

        var samples = await TestMedia.DecodeSoundAsync(await fixture.RenderAsync(timeline, OutputFormat.Mp4));

        var start = (int)(0.4 * 48000);
        var length = (int)(spoken * 48000);
        Assert.True(Rms(samples, 0, start - 2400) < 0.002, $"before the layer starts: {Rms(samples, 0, start - 2400)}");
        Assert.True(Rms(samples, start, length) > 0.03, $"over the spoken span: {Rms(samples, start, length)}");
        Assert.True(Rms(samples, start + length + 2400, samples.Length - start - length - 2400) < 0.002, "after the speech ends");
    }

    [Fact]
    public async Task An_auto_scene_lasts_as_long_as_its_speech_and_the_rendered_movie_has_that_many_frames()
    {
        var spoken = await SpokenSecondsAsync(Sentence, "en-us");

        var timeline = await BindAsync($$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [
              {"duration": "auto", "layers": [{"type": "audio", "speech": "{{Sentence}}", "voice": "en-us", "start": 0.2}]},
              {"duration": 0.4}]}
            """);

        Assert.Equal(MovieBinder.ToFrames(0.2, FrameRate.Whole(25)) + MovieBinder.ToFrames(spoken, FrameRate.Whole(25)), timeline.Scenes[0].FrameCount);
        Assert.Equal(timeline.Scenes[0].FrameCount + 10, (await MediaInspector.ProbeAsync(await fixture.RenderAsync(timeline, OutputFormat.Mp4))).FrameCount);
    }

    [Fact]
    public async Task Ssml_is_spoken_with_its_markup_obeyed_not_read_out()
    {
        var plain = await SpokenSecondsAsync("One. Two.");
        var paused = await SpokenSecondsAsync("""<speak>One. <break time="1500ms"/> Two.</speak>""");

        Assert.InRange(paused - plain, 1.0, 2.2);
    }

    [Fact]
    public async Task The_same_text_and_voice_is_synthesised_once_and_another_voice_is_another_file()
    {
        var request = SpeechRequest.Create("Cached speech " + Guid.NewGuid().ToString("N")[..6], "en");
        var first = await Cache.GetFileAsync(request, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(first);
        await Task.Delay(50);

        var again = await Cache.GetFileAsync(SpeechRequest.Create(request.Text, "en"), CancellationToken.None);
        var other = await Cache.GetFileAsync(SpeechRequest.Create(request.Text, "de"), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again));
        Assert.NotEqual(first, other);
        Assert.NotEqual(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(other));
    }

    [Fact]
    public async Task A_voice_espeak_does_not_have_fails_the_render_with_an_input_error()
    {
        var timeline = EngineFixture.Bind("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [{"type": "audio", "speech": "Hi", "voice": "nosuchvoice"}]}]}
            """);

        var error = await Assert.ThrowsAsync<RenderInputException>(() => fixture.RenderAsync(timeline, OutputFormat.Mp4));

        Assert.Equal("speech_failed", error.Code);
    }

    internal static double Rms(float[] samples, int from, int count)
    {
        double sum = 0;
        var end = Math.Min(samples.Length, from + count);
        for (var i = from; i < end; i++)
        {
            sum += samples[i] * (double)samples[i];
        }

        return end > from ? Math.Sqrt(sum / (end - from)) : 0;
    }
}
