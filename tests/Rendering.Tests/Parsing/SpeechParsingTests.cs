using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>Text to speech in the JSON format and the XML translator: <c>speech</c> and <c>voice</c> on an audio layer.</summary>
public sealed class SpeechParsingTests
{
    private static AudioLayer Layer(string layerJson)
    {
        var parsed = MovieParser.Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [{{layerJson}}]}]}""");
        Assert.True(parsed.Movie is not null, string.Join("; ", parsed.Errors.Select(e => $"{e.Path} {e.Message}")));
        return Assert.IsType<AudioLayer>(parsed.Movie!.Scenes[0].Layers[0]);
    }

    private static AudioLayer FromXml(string layerXml)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25"><scene duration="25">{layerXml}</scene></movie>""");
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        return Layer(System.Text.Json.Nodes.JsonNode.Parse(translation.Json!)!["scenes"]![0]!["layers"]![0]!.ToJsonString());
    }

    [Fact]
    public void A_tts_audio_element_translates_to_the_same_layer_as_its_json()
    {
        var fromXml = FromXml("""<audio type="tts" voice="en-us" offset="5" volume="0.8" condition="greet">Hello, ${name, friend}!</audio>""");
        var fromJson = Layer("""{"type": "audio", "speech": "Hello, ${name, friend}!", "voice": "en-us", "start": 0.2, "volume": 0.8, "condition": "greet"}""");

        Assert.Equal(new SpokenText("Hello, ${name, friend}!", "en-us"), fromXml.Speech);
        Assert.Equal(
            (fromJson.Timing, fromJson.Url, fromJson.In, fromJson.Loop, fromJson.Volume, fromJson.Condition, fromJson.Speech),
            (fromXml.Timing, fromXml.Url, fromXml.In, fromXml.Loop, fromXml.Volume, fromXml.Condition, fromXml.Speech));
        Assert.Equal("", fromXml.Url);
    }

    [Fact]
    public void An_ssml_speak_child_is_the_same_speech_as_its_json()
    {
        var fromXml = FromXml("""<audio type="tts"><speak>Hi <break time="500ms"/> there</speak></audio>""");
        var fromJson = Layer("""{"type": "audio", "speech": "<speak>Hi <break time=\"500ms\"/> there</speak>"}""");

        var spoken = AudioBinder.Source(fromXml, new Dictionary<string, string>());
        Assert.Equal(AudioBinder.Source(fromJson, new Dictionary<string, string>()), spoken);
        Assert.True(spoken.Speech!.Ssml);
        Assert.Null(spoken.Speech.Voice);
    }

    [Theory]
    [InlineData("""{"type": "audio", "speech": "Hi", "url": "a.mp3"}""", "$.scenes[0].layers[0].speech", "exclusive")]
    [InlineData("""{"type": "audio"}""", "$.scenes[0].layers[0].url", "required")]
    [InlineData("""{"type": "audio", "url": "a.mp3", "voice": "en"}""", "$.scenes[0].layers[0].voice", "needs speech")]
    [InlineData("""{"type": "audio", "speech": "<speak><audio src=\"/etc/x.wav\"/></speak>"}""", "$.scenes[0].layers[0].speech", "<audio> is not supported")]
    [InlineData("""{"type": "audio", "speech": "<speak>unclosed"}""", "$.scenes[0].layers[0].speech", "well-formed")]
    [InlineData("""{"type": "audio", "speech": 5}""", "$.scenes[0].layers[0].speech", "string")]
    public void Malformed_speech_is_refused_at_its_field(string layer, string path, string message)
    {
        var parsed = MovieParser.Parse($$"""{"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [{{layer}}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == path && e.Message.Contains(message));
    }

    [Fact]
    public void Speech_longer_than_5000_characters_is_refused()
    {
        var parsed = MovieParser.Parse($$"""{"scenes": [{"duration": 1, "layers": [{"type": "audio", "speech": "{{new string('a', 5001)}}"}]}]}""");

        Assert.Contains(parsed.Errors, e => e.Path == "$.scenes[0].layers[0].speech" && e.Message.Contains("5000"));
    }

    [Fact]
    public void Params_fill_the_text_and_voice_and_are_listed_as_text_variables()
    {
        var layer = Layer("""{"type": "audio", "speech": "Hello, ${name}!", "voice": "${voice, en}"}""");

        var source = AudioBinder.Source(layer, new Dictionary<string, string> { ["name"] = "Ada", ["voice"] = "de" });

        Assert.Equal(("Hello, Ada!", "de", false), (source.Speech!.Text, source.Speech.Voice, source.Speech.Ssml));
        var movie = MovieParser.Parse("""{"scenes": [{"duration": 1, "layers": [{"type": "audio", "speech": "Hello, ${name}!", "voice": "${voice, en}"}]}]}""").Movie!;
        Assert.Equal(["name:text", "voice:text"], MovieVariables.Of(movie).Select(v => $"{v.Name}:{v.Type}").Order());
    }

    [Fact]
    public void A_param_in_ssml_is_spoken_as_text_and_cannot_add_markup()
    {
        var layer = Layer("""{"type": "audio", "speech": "<speak>Hello ${name}</speak>"}""");

        var source = AudioBinder.Source(layer, new Dictionary<string, string> { ["name"] = "<audio src=\"/etc/passwd\"/>" });

        Assert.True(source.Speech!.Ssml);
        Assert.Equal("<speak>Hello &lt;audio src=\"/etc/passwd\"/&gt;</speak>", source.Speech.Text);
    }

    [Theory]
    [InlineData("-w /tmp/x")]
    [InlineData("en us")]
    [InlineData("")]
    public void A_voice_that_is_not_a_plain_name_fails_the_render(string voice)
    {
        var layer = Layer("""{"type": "audio", "speech": "Hi", "voice": "${voice}"}""");

        var error = Assert.Throws<RenderInputException>(() => AudioBinder.Source(layer, new Dictionary<string, string> { ["voice"] = voice }));

        Assert.Equal("speech_invalid", error.Code);
    }
}
