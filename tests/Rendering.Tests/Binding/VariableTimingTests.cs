using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Binding;

/// <summary>Timings from params: a scene's length (seconds or frames), a video's or sound's in-point, and scenes shown when a param is not set.</summary>
public sealed class VariableTimingTests
{
    private static Movie Parse(string json)
    {
        var parsed = MovieParser.Parse(json);
        Assert.True(parsed.Movie is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path} {e.Message}")));
        return parsed.Movie!;
    }

    private static Timeline Bind(Movie movie, params (string Name, string Value)[] parameters) =>
        MovieBinder.Bind(movie, parameters.ToDictionary(p => p.Name, p => p.Value));

    private const string Lengths = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": "${intro, 2}"}, {"frames": "${outro}"}]}
        """;

    [Fact]
    public void A_scene_lasts_as_long_as_its_duration_or_frames_param_says_and_defaults_apply()
    {
        var movie = Parse(Lengths);

        Assert.Equal([50, 12], Bind(movie, ("outro", "12")).Scenes.Select(s => s.FrameCount));
        Assert.Equal([30, 7], Bind(movie, ("intro", "1.2"), ("outro", "7")).Scenes.Select(s => s.FrameCount));
        Assert.Equal(["intro:number", "outro:number"], MovieVariables.Of(movie).Select(v => $"{v.Name}:{v.Type}").Order());
    }

    [Theory]
    [InlineData("intro", "soon")]
    [InlineData("intro", "0")]
    [InlineData("outro", "2.5")]
    [InlineData("intro", "601")]
    public void A_length_param_that_is_not_a_length_in_range_fails_the_render_naming_it(string name, string value)
    {
        var parameters = new Dictionary<string, string> { ["outro"] = "5", [name] = value };

        var error = Assert.Throws<RenderInputException>(() => MovieBinder.Bind(Parse(Lengths), parameters));

        Assert.Equal("invalid_param", error.Code);
        Assert.Contains($"'{name}'", error.Message);
    }

    [Fact]
    public void Scenes_of_params_that_add_up_to_more_than_600_seconds_fail_the_render()
    {
        var movie = Parse("""{"scenes": [{"duration": "${a}"}, {"duration": "${b}"}]}""");

        Assert.Equal("movie_too_long", Assert.Throws<RenderInputException>(() => Bind(movie, ("a", "400"), ("b", "300"))).Code);
    }

    [Fact]
    public void An_inverted_scene_condition_shows_the_scene_only_when_the_param_is_missing_or_falsy()
    {
        var movie = Parse("""
            {"fps": 25, "scenes": [
              {"duration": 1, "condition": "!vip", "background": "#ff0000"},
              {"duration": 2, "type": "optional", "condition": "vip"}]}
            """);

        Assert.Equal([25], Bind(movie).Scenes.Select(s => s.FrameCount));
        Assert.Equal([25], Bind(movie, ("vip", "no")).Scenes.Select(s => s.FrameCount));
        Assert.Equal([50], Bind(movie, ("vip", "yes")).Scenes.Select(s => s.FrameCount));
        Assert.Equal(["vip:boolean"], MovieVariables.Of(movie).Select(v => $"{v.Name}:{v.Type}"));
    }

    [Fact]
    public void A_video_and_a_sound_start_at_the_in_point_their_params_give()
    {
        var movie = Parse("""
            {"fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "video", "url": "clip.mp4", "in": "${skip, 0.5}"},
              {"type": "audio", "url": "voice.mp3", "in": "${voiceSkip}"}]}]}
            """);

        var timeline = Bind(movie, ("voiceSkip", "1.25"));

        Assert.Equal(0.5, Assert.IsType<VideoContent>(timeline.Scenes[0].Layers[0].Content).In);
        Assert.Equal(1.25, Assert.Single(timeline.Audio, a => a.Source.AssetName == "voice.mp3").In);
        Assert.Equal(3, Assert.IsType<VideoContent>(Bind(movie, ("skip", "3"), ("voiceSkip", "0")).Scenes[0].Layers[0].Content).In);
        Assert.Equal("invalid_param", Assert.Throws<RenderInputException>(() => Bind(movie, ("skip", "-1"), ("voiceSkip", "0"))).Code);
    }

    [Theory]
    [InlineData("""<scene duration="${intro, 2}s"/>""", """{"duration": "${intro, 2}"}""")]
    [InlineData("""<scene duration="${outro, 12}"/>""", """{"frames": "${outro, 12}"}""")]
    [InlineData("""<scene duration="25" condition="!vip"/>""", """{"frames": 25, "condition": "!vip"}""")]
    [InlineData("""<scene duration="25"><video src="clip.mp4" skip="${skip, 0.5}s"/></scene>""", """{"frames": 25, "layers": [{"type": "video", "url": "clip.mp4", "in": "${skip, 0.5}"}]}""")]
    public void Xml_variable_timings_translate_to_the_same_movie_as_their_json(string sceneXml, string sceneJson)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25">{sceneXml}</movie>""");
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var fromXml = Parse(translation.Json!);
        var fromJson = Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{{sceneJson}}]}""");

        foreach (var parameters in new[] { new Dictionary<string, string>(), new() { ["intro"] = "1.5", ["outro"] = "9", ["vip"] = "1", ["skip"] = "2" } })
        {
            var (xml, json) = (TryBind(fromXml, parameters), TryBind(fromJson, parameters));
            Assert.Equal(json, xml);
        }
    }

    private static string TryBind(Movie movie, Dictionary<string, string> parameters)
    {
        try
        {
            var timeline = MovieBinder.Bind(movie, parameters);
            return string.Join("|", timeline.Scenes.Select(s => $"{s.FrameCount}:{string.Join(",", s.Layers.Select(l => l.Content is VideoContent v ? v.In : -1))}"));
        }
        catch (RenderInputException ex)
        {
            return ex.Code;
        }
    }
}
