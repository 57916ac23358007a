using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>Sound levels in decibels (<c>gain</c>) and volume curves (<c>volumeCurve</c>), in JSON and XML.</summary>
public sealed class VolumeParsingTests
{
    private static Movie Parse(string json)
    {
        var parsed = MovieParser.Parse(json);
        Assert.True(parsed.Movie is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path} {e.Message}")));
        return parsed.Movie!;
    }

    private static Movie FromXml(string xml)
    {
        var translation = XmlMovieTranslator.Translate(xml);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        return Parse(translation.Json!);
    }

    [Fact]
    public void Gain_in_decibels_multiplies_the_volume()
    {
        var movie = Parse("""
            {"audio": {"url": "music.mp3", "gain": -6}, "scenes": [{"duration": 1, "layers": [
              {"type": "audio", "url": "a.mp3", "volume": 2, "gain": -20},
              {"type": "video", "url": "v.mp4", "gain": 6}]}]}
            """);

        Assert.Equal(0.501, movie.Audio!.Volume, 3);
        Assert.Equal(0.2, ((AudioLayer)movie.Scenes[0].Layers[0]).Volume, 6);
        Assert.Equal(1.995, ((VideoLayer)movie.Scenes[0].Layers[1]).Volume, 3);
    }

    [Fact]
    public void Xml_decibel_volumes_and_key_curves_translate_to_the_same_movie_as_their_json()
    {
        var fromXml = FromXml("""
            <movie width="320" height="180" framerate="25">
              <audio src="music.mp3" volume="-6dB"><key time="0" volume="0"/><key time="1s" volume="1" easing="ease-in"/></audio>
              <scene duration="50"><audio src="a.mp3" gain="-3" volume="0.5"><key time="25" volume="1"/><key time="1.5s" volume="0.2"/></audio></scene>
            </movie>
            """);
        var fromJson = Parse("""
            {"width": 320, "height": 180, "fps": 25,
             "audio": {"url": "music.mp3", "gain": -6, "volumeCurve": [{"time": 0, "volume": 0}, {"time": 1, "volume": 1, "easing": "ease-in"}]},
             "scenes": [{"frames": 50, "layers": [{"type": "audio", "url": "a.mp3", "gain": -3, "volume": 0.5,
               "volumeCurve": [{"time": 1, "volume": 1}, {"time": 1.5, "volume": 0.2}]}]}]}
            """);

        Assert.Equal(fromJson.Audio!.Volume, fromXml.Audio!.Volume);
        Assert.Equal(fromJson.Audio.VolumeCurve, fromXml.Audio.VolumeCurve);
        var (xmlLayer, jsonLayer) = ((AudioLayer)fromXml.Scenes[0].Layers[0], (AudioLayer)fromJson.Scenes[0].Layers[0]);
        Assert.Equal(jsonLayer.Volume, xmlLayer.Volume);
        Assert.Equal(jsonLayer.VolumeCurve, xmlLayer.VolumeCurve);
        Assert.Equal([new VolumePoint(1, 1, Easing.Linear), new VolumePoint(1.5, 0.2, Easing.Linear)], xmlLayer.VolumeCurve);
    }

    [Theory]
    [InlineData("""{"type": "audio", "url": "a.mp3", "gain": 30}""", "$.scenes[0].layers[0].gain")]
    [InlineData("""{"type": "audio", "url": "a.mp3", "volumeCurve": [{"time": 1, "volume": 1}, {"time": 1, "volume": 0}]}""", "$.scenes[0].layers[0].volumeCurve[1].time")]
    [InlineData("""{"type": "audio", "url": "a.mp3", "volumeCurve": [{"time": 1}]}""", "$.scenes[0].layers[0].volumeCurve[0].volume")]
    [InlineData("""{"type": "audio", "url": "a.mp3", "volumeCurve": [{"time": 1, "volume": 11}]}""", "$.scenes[0].layers[0].volumeCurve[0].volume")]
    [InlineData("""{"type": "video", "url": "v.mp4", "volumeCurve": [{"time": 0, "volume": 1, "level": 2}]}""", "$.scenes[0].layers[0].volumeCurve[0].level")]
    public void Gains_and_curves_out_of_range_or_order_are_refused_at_their_field(string layer, string path)
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{{layer}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == path);
    }
}
