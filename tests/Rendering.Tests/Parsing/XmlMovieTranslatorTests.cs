using System.Text.Json;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

public sealed class XmlMovieTranslatorTests
{
    private static JsonElement Json(XmlTranslation translation) => JsonDocument.Parse(translation.Json!).RootElement;

    private static (string Path, string Message)[] Errors(XmlTranslation translation) =>
        [.. translation.Errors.Select(e => (e.Path, e.Message))];

    [Fact]
    public void A_template_with_scenes_layers_transitions_and_choices_becomes_a_valid_json_movie()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25" background="#101010" version="2024-01-01">
              <scene duration="50" background="${bg, #000080}">
                <solid color="#ff0000" position="20, 30" width="40" height="40" offset="10" duration="0.5s"/>
                <text size="32" color="#ffffff" xalign="left" yalign="center" font="DejaVu Serif" position="0, 120" height="60" fadein="5">Hello, ${name, World}!</text>
                <image src="logo.png" fit="cover" width="64" height="64"/>
              </scene>
              <transition type="crossfade" duration="0.2s"/>
              <scene type="optional" condition="vip" duration="1s">
                <text><content>Welcome back</content></text>
              </scene>
              <scene type="choice" variable="plan">
                <scene case="pro" duration="25" background="#00ff00"/>
                <scene duration="12"/>
              </scene>
            </movie>
            """);

        Assert.Empty(Errors(translation));
        var movie = Json(translation);
        Assert.Equal((320, 180, 25, "#101010"), (movie.GetProperty("width").GetInt32(), movie.GetProperty("height").GetInt32(), movie.GetProperty("fps").GetInt32(), movie.GetProperty("background").GetString()));
        var first = movie.GetProperty("scenes")[0];
        Assert.Equal(50, first.GetProperty("frames").GetInt32());
        Assert.Equal("${bg, #000080}", first.GetProperty("background").GetString());
        var solid = first.GetProperty("layers")[0];
        Assert.Equal(("solid", 20, 30, 0.4, 0.5), (solid.GetProperty("type").GetString(), solid.GetProperty("x").GetInt32(), solid.GetProperty("y").GetInt32(), solid.GetProperty("start").GetDouble(), solid.GetProperty("duration").GetDouble()));
        var text = first.GetProperty("layers")[1];
        Assert.Equal(("Hello, ${name, World}!", 32, "left", "middle", "DejaVu Serif", 0.2), (
            text.GetProperty("text").GetString(), text.GetProperty("fontSize").GetInt32(), text.GetProperty("align").GetString(),
            text.GetProperty("verticalAlign").GetString(), text.GetProperty("font").GetString(), text.GetProperty("fadeIn").GetDouble()));
        Assert.Equal("logo.png", first.GetProperty("layers")[2].GetProperty("url").GetString());
        var second = movie.GetProperty("scenes")[1];
        Assert.Equal(("optional", "vip", 1), (second.GetProperty("type").GetString(), second.GetProperty("condition").GetString(), second.GetProperty("duration").GetInt32()));
        Assert.Equal(("crossfade", 0.2), (second.GetProperty("transition").GetProperty("type").GetString(), second.GetProperty("transition").GetProperty("duration").GetDouble()));
        Assert.Equal("Welcome back", second.GetProperty("layers")[0].GetProperty("text").GetString());
        var choice = movie.GetProperty("scenes")[2];
        Assert.Equal(("choice", "plan", "pro", 12), (
            choice.GetProperty("type").GetString(), choice.GetProperty("variable").GetString(),
            choice.GetProperty("cases")[0].GetProperty("case").GetString(), choice.GetProperty("default").GetProperty("frames").GetInt32()));

        var parsed = MovieParser.Parse(translation.Json!).Movie!;
        Assert.Equal(SceneType.Choice, parsed.Scenes[2].Type);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("audio")]
    public void A_scene_lasting_as_long_as_its_media_is_duration_auto(string duration)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25"><scene duration="{duration}"><video src="a.mp4"/></scene></movie>""");

        Assert.Equal("auto", Json(translation).GetProperty("scenes")[0].GetProperty("duration").GetString());
        var parsed = MovieParser.Parse(translation.Json!);
        Assert.Empty(parsed.Errors);
        Assert.True(parsed.Movie!.Scenes[0].Length.Auto);
    }

    [Theory]
    [InlineData("10", 0.4)]
    [InlineData("0.3s", 0.3)]
    [InlineData("2s", 2)]
    public void Times_are_frame_counts_or_seconds(string offset, double seconds)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25"><scene duration="3s"><solid color="#fff" offset="{offset}"/></scene></movie>""");

        Assert.Empty(Errors(translation));
        Assert.Equal(seconds, Json(translation).GetProperty("scenes")[0].GetProperty("layers")[0].GetProperty("start").GetDouble(), 6);
    }

    [Fact]
    public void Blend_modes_and_filters_translate_to_the_same_movie_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scene duration="25">
                <image src="photo.png" width="100" height="80" blendmode="multiply">
                  <filter type="saturation" value="0.5"/>
                  <filter type="brightness" value="-0.1"/>
                  <filter type="contrast" value="1.2"/>
                  <filter type="blur" radius="4"/>
                  <filter type="vignette" strength="0.7"/>
                  <filter type="glow" radius="12" strength="0.4"/>
                  <filter type="cubelut" src="warm.cube"/>
                </image>
                <text size="20" blendmode="softlight">Hi<filter type="lut" url="cold.cube"/></text>
              </scene>
            </movie>
            """);
        var json = MovieParser.Parse("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "image", "url": "photo.png", "width": 100, "height": 80, "blend": "multiply", "filters": [{"type": "saturation", "value": 0.5}, {"type": "brightness", "value": -0.1},
                {"type": "contrast", "value": 1.2}, {"type": "blur", "radius": 4}, {"type": "vignette", "strength": 0.7}, {"type": "glow", "radius": 12, "strength": 0.4},
                {"type": "lut", "url": "warm.cube"}]},
              {"type": "text", "text": "Hi", "fontSize": 20, "blend": "softlight", "filters": [{"type": "lut", "url": "cold.cube"}]}]}]}
            """);

        Assert.True(translation.Errors.Count == 0, string.Join("; ", Errors(translation)));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers;
        var fromJson = json.Movie!.Scenes[0].Layers;
        Assert.Equal(fromJson.Select(l => l.Look.Blend), fromXml.Select(l => l.Look.Blend));
        Assert.Equal(fromJson[0].Look.Filters, fromXml[0].Look.Filters);
        Assert.Equal(fromJson[1].Look.Filters, fromXml[1].Look.Filters);
    }

    [Fact]
    public void A_mask_translates_to_the_same_movie_as_its_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scene duration="25">
                <solid color="#ff0000">
                  <mask channel="alpha" invert="true"><text size="40" position="10, 20" width="200" height="60">Hi</text></mask>
                </solid>
              </scene>
            </movie>
            """);
        var json = MovieParser.Parse("""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"duration": 1, "layers": [
              {"type": "solid", "color": "#ff0000", "mask": {"channel": "alpha", "invert": true,
               "layer": {"type": "text", "text": "Hi", "fontSize": 40, "x": 10, "y": 20, "width": 200, "height": 60}}}]}]}
            """);

        Assert.True(translation.Errors.Count == 0, string.Join("; ", Errors(translation)));
        var fromXml = MovieParser.Parse(translation.Json!).Movie!.Scenes[0].Layers[0].Look.Mask!;
        var fromJson = json.Movie!.Scenes[0].Layers[0].Look.Mask!;
        Assert.Equal((fromJson.Channel, fromJson.Invert), (fromXml.Channel, fromXml.Invert));
        Assert.Equal(fromJson.Source with { Look = LayerLook.Default, NumberTemplates = fromXml.Source.NumberTemplates }, fromXml.Source with { Look = LayerLook.Default });
        Assert.Equal((MaskChannel.Alpha, true), (fromXml.Channel, fromXml.Invert));
    }

    [Theory]
    [InlineData("""<solid color="#fff"><mask><audio src="a.mp3"/></mask></solid>""", "/movie/scene[1]/solid[1]/mask[1]")]
    [InlineData("""<solid color="#fff"><mask/></solid>""", "/movie/scene[1]/solid[1]/mask[1]")]
    [InlineData("""<solid color="#fff"><mask channel="red"><solid color="#fff"/></mask></solid>""", "/movie/scene[1]/solid[1]/mask[1]/@channel")]
    [InlineData("""<solid color="#fff"><mask><solid color="#fff"/></mask><mask><solid color="#fff"/></mask></solid>""", "/movie/scene[1]/solid[1]/mask[2]")]
    [InlineData("""<solid color="#fff"><filter type="sharpen"/></solid>""", "/movie/scene[1]/solid[1]/filter[1]/@type")]
    [InlineData("""<solid color="#fff"><animation type="slidein" direction="left" motionblur="2"/></solid>""", "/movie/scene[1]/solid[1]/animation[1]/@motionblur")]
    [InlineData("""<solid color="#fff"><animation motionBlur="2"><key time="0" x="1"/></animation></solid>""", "/movie/scene[1]/solid[1]/animation[1]/@motionBlur")]
    [InlineData("""<solid color="#fff" motionblur="1"/>""", "/movie/scene[1]/solid[1]/@motionblur")]
    [InlineData("""<solid color="#fff"><filter type="blur" radius="500"/></solid>""", "/movie/scene[1]/solid[1]/filter[1]/@radius")]
    [InlineData("""<solid color="#fff"><filter type="blur" size="5"/></solid>""", "/movie/scene[1]/solid[1]/filter[1]/@size")]
    [InlineData("""<solid color="#fff" blendmode="dissolve"/>""", "/movie/scene[1]/solid[1]/@blendmode")]
    public void Bad_filters_and_blend_modes_are_reported_at_their_xml_path(string layer, string path)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25"><scene duration="25">{layer}</scene></movie>""");

        Assert.Contains(translation.Errors, e => e.Path == path);
    }

    [Fact]
    public void Unknown_elements_and_attributes_are_errors_at_their_xml_path_never_dropped()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <resources/>
              <scene duration="25" id="intro">
                <sceneview src="other"/>
                <text origin="0, 0" size="20">Hi<transform/></text>
              </scene>
            </movie>
            """);

        Assert.Null(translation.Errors.FirstOrDefault(e => e.Path == "/")?.Message);
        Assert.Equal(
            ["/movie/resources[1]", "/movie/scene[1]/sceneview[1]/@src", "/movie/scene[1]/text[1]/@origin", "/movie/scene[1]/text[1]/transform[1]"],
            translation.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Contains(translation.Errors, e => e.Message.Contains("a render reads no other movie"));
    }

    [Fact]
    public void Problems_the_json_parser_finds_are_reported_at_the_attribute_they_came_from()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="321" height="180" framerate="25">
              <scene duration="25"><text size="5000" xalign="middle">Hi</text></scene>
            </movie>
            """);

        var errors = Errors(translation);
        Assert.Contains(errors, e => e.Path == "/movie/@width" && e.Message.Contains("even"));
        Assert.Contains(errors, e => e.Path == "/movie/scene[1]/text[1]/@size" && e.Message.Contains("between 1 and 1000"));
        Assert.Contains(errors, e => e.Path == "/movie/scene[1]/text[1]/@xalign");
    }

    [Theory]
    [InlineData("""<solid color="#fff" scale="1, 2, 3"/>""", "/movie/scene[1]/solid[1]/@scale", "sx, sy")]
    [InlineData("""<solid color="#fff" offset="${start}"/>""", "/movie/scene[1]/solid[1]/@offset", "seconds")]
    [InlineData("""<solid color="#fff" offset="soon"/>""", "/movie/scene[1]/solid[1]/@offset", "frame count")]
    [InlineData("""<solid color="#fff" position="1, 2, 3"/>""", "/movie/scene[1]/solid[1]/@position", "two numbers")]
    [InlineData("""<solid color="#fff" anchor="a, b" width="10" height="10"/>""", "/movie/scene[1]/solid[1]/@anchor", "centre")]
    [InlineData("""<audio type="polly" voice="Joanna">Hello</audio>""", "/movie/scene[1]/audio[1]/@type", "text to speech")]
    [InlineData("""<audio type="tts" voice="Joanna"/>""", "/movie/scene[1]/audio[1]", "needs its text")]
    [InlineData("""<audio type="tts"><speak>a</speak><speak>b</speak></audio>""", "/movie/scene[1]/audio[1]/speak[2]", "one <speak>")]
    [InlineData("""<video src="a.mp4" loop="often"/>""", "/movie/scene[1]/video[1]/@loop", "true or false")]
    public void Attribute_values_the_format_cannot_express_are_errors(string layer, string path, string message)
    {
        var translation = XmlMovieTranslator.Translate($"""<movie width="320" height="180" framerate="25"><scene duration="25">{layer}</scene></movie>""");

        Assert.Contains(translation.Errors, e => e.Path == path && e.Message.Contains(message));
    }

    [Theory]
    [InlineData("not xml at all <", "/")]
    [InlineData("""<!DOCTYPE movie [<!ENTITY x SYSTEM "file:///etc/passwd">]><movie>&x;</movie>""", "/")]
    [InlineData("""<film width="320"/>""", "/")]
    [InlineData("""<movie framerate="29.97fps"><scene duration="1s"/></movie>""", "/movie/@framerate")]
    [InlineData("""<movie><transition type="crossfade" duration="5"/></movie>""", "/movie/transition[1]")]
    public void Malformed_documents_dtds_and_unsupported_movies_are_refused(string xml, string path) =>
        Assert.Contains(XmlMovieTranslator.Translate(xml).Errors, e => e.Path == path);

    [Theory]
    [InlineData("30000/1001", "30000/1001")]
    [InlineData("29.97", "30000/1001")]
    [InlineData("24000/1001", "24000/1001")]
    public void A_fractional_framerate_becomes_an_exact_fps_and_frame_counts_use_it(string framerate, string fps)
    {
        var translation = XmlMovieTranslator.Translate(
            $"""<movie width="320" height="180" framerate="{framerate}"><scene duration="300"/></movie>""");

        Assert.Empty(translation.Errors);
        var movie = MovieParser.Parse(translation.Json!).Movie!;
        Assert.Equal(fps, movie.Fps.ToString());
        Assert.Equal(300, Orleans.Render.Rendering.Binding.MovieBinder.Bind(movie, new Dictionary<string, string>()).TotalFrames);
    }

    [Fact]
    public void Anchors_scales_and_positions_accept_impossible_io_pairs_and_variables()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25"><scene duration="25">
              <solid color="#fff" width="40" height="20" anchor="0, 0" scale="1.5, 1.5" position="${left, 10}, 20"/>
              <solid color="#fff" width="40" height="20" anchor="-20, -10"/>
              <solid color="#fff" anchor="bottom-right" scale="2"/>
            </scene></movie>
            """);

        var layers = Json(translation).GetProperty("scenes")[0].GetProperty("layers");
        Assert.Equal(("center", 1.5, "${left, 10}", 20), (layers[0].GetProperty("anchor").GetString(), layers[0].GetProperty("scale").GetDouble(), layers[0].GetProperty("x").GetString(), layers[0].GetProperty("y").GetInt32()));
        Assert.Equal("top-left", layers[1].GetProperty("anchor").GetString());
        Assert.Equal(("bottom-right", 2), (layers[2].GetProperty("anchor").GetString(), layers[2].GetProperty("scale").GetInt32()));
    }

    [Fact]
    public void Video_audio_shape_animation_and_keyframes_translate_to_the_contract_fields_and_a_valid_movie()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25" font="Brand Sans" posterframe="3">
              <audio src="music.mp3" volume="0.5" loop="true" fadein="1s" fadeout="25"/>
              <scene duration="2s">
                <video src="${clip, intro.mp4}" skip="1s" audio="false" loop="false" fit="contain"/>
                <audio url="https://cdn.example.com/voice.mp3" offset="25" volume="0.8" condition="voice"/>
                <shape shape="ellipse" fill="#ff0000" stroke="#ffffff" linewidth="3" width="50" height="50" rotation="45" opacity="0.5"/>
                <text size="30" background="#00000080" padding="8" linespacing="1.5" overflow="clip">Hi
                  <outline color="#000000" width="2"/>
                  <shadow color="#00000080" x="3" y="3" blur="2"/>
                  <animation type="slidein" direction="left" duration="12" easein="true" easeout="true"/>
                  <animation easeout="true"><key time="0" position="0, 0" scale="1"/><key time="1s" position="100, 50" opacity="0.5"/></animation>
                </text>
              </scene>
            </movie>
            """);

        var movie = Json(translation);
        Assert.Equal(("Brand Sans", 3), (movie.GetProperty("font").GetString(), movie.GetProperty("posterFrame").GetInt32()));
        var music = movie.GetProperty("audio");
        Assert.Equal(("music.mp3", 0.5, true, 1, 1), (music.GetProperty("url").GetString(), music.GetProperty("volume").GetDouble(), music.GetProperty("loop").GetBoolean(), music.GetProperty("fadeIn").GetInt32(), music.GetProperty("fadeOut").GetInt32()));
        var scene = movie.GetProperty("scenes")[0];
        Assert.Equal(2, scene.GetProperty("duration").GetInt32());
        var layers = scene.GetProperty("layers");
        Assert.Equal(("video", "${clip, intro.mp4}", 1, true, false, "contain"), (
            layers[0].GetProperty("type").GetString(), layers[0].GetProperty("url").GetString(), layers[0].GetProperty("in").GetInt32(),
            layers[0].GetProperty("mute").GetBoolean(), layers[0].GetProperty("loop").GetBoolean(), layers[0].GetProperty("fit").GetString()));
        Assert.Equal(("audio", 1, 0.8, "voice"), (layers[1].GetProperty("type").GetString(), layers[1].GetProperty("start").GetInt32(), layers[1].GetProperty("volume").GetDouble(), layers[1].GetProperty("condition").GetString()));
        Assert.Equal(("shape", "ellipse", "#ff0000", 3, 45), (layers[2].GetProperty("type").GetString(), layers[2].GetProperty("shape").GetString(), layers[2].GetProperty("fill").GetString(), layers[2].GetProperty("strokeWidth").GetInt32(), layers[2].GetProperty("rotation").GetInt32()));
        var text = layers[3];
        Assert.Equal(("Hi", "#00000080", 8, 1.5, "clip"), (text.GetProperty("text").GetString(), text.GetProperty("backgroundColor").GetString(), text.GetProperty("padding").GetInt32(), text.GetProperty("lineSpacing").GetDouble(), text.GetProperty("overflow").GetString()));
        Assert.Equal(2, text.GetProperty("outline").GetProperty("width").GetInt32());
        Assert.Equal(2, text.GetProperty("shadow").GetProperty("blur").GetInt32());
        var animation = text.GetProperty("animations")[0];
        Assert.Equal(("slidein", "left", 0.48, "ease-in-out"), (animation.GetProperty("type").GetString(), animation.GetProperty("direction").GetString(), animation.GetProperty("duration").GetDouble(), animation.GetProperty("easing").GetString()));
        var keyframes = text.GetProperty("keyframes");
        Assert.Equal((0, 0, 0, 1, "ease-out"), (keyframes[0].GetProperty("time").GetInt32(), keyframes[0].GetProperty("x").GetInt32(), keyframes[0].GetProperty("y").GetInt32(), keyframes[0].GetProperty("scale").GetInt32(), keyframes[0].GetProperty("easing").GetString()));
        Assert.Equal((1, 100, 50, 0.5), (keyframes[1].GetProperty("time").GetInt32(), keyframes[1].GetProperty("x").GetInt32(), keyframes[1].GetProperty("y").GetInt32(), keyframes[1].GetProperty("opacity").GetDouble()));
        Assert.Empty(Errors(translation));
    }

    [Fact]
    public void The_example_in_the_docs_is_a_valid_movie()
    {
        var doc = File.ReadAllText(Path.Combine(TestSupport.RepositoryPaths.Root, "docs", "movie-format.md"));
        var start = doc.IndexOf("```xml", StringComparison.Ordinal) + "```xml".Length;
        var example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var translation = XmlMovieTranslator.Translate(example);

        Assert.Empty(Errors(translation));
        Assert.NotNull(MovieParser.Parse(translation.Json!).Movie);
        Assert.Equal(2, Json(translation).GetProperty("scenes").GetArrayLength());
    }

    [Fact]
    public void Shapes_transforms_animations_keyframes_and_text_styling_make_a_valid_movie()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scene duration="2s">
                <shape shape="rectangle" fill="#ff0000" stroke="#ffffff" linewidth="2" cornerradius="6" position="160, 90" anchor="center" width="60" height="40" rotation="15" opacity="0.8" scale="1.2, 1.2" condition="!plain">
                  <animation type="zoom" from="1" to="1.2"/>
                </shape>
                <text size="24" background="#00000080" padding="6" linespacing="1.4" overflow="clip" width="300" height="60">Hi ${name, there}
                  <outline color="#000000" width="2"/>
                  <shadow color="#00000080" x="2" y="2" blur="1"/>
                  <animation type="fadein" duration="10" easein="true"/>
                  <animation type="slideout" direction="down" duration="0.4s"/>
                </text>
                <image src="logo.png" width="40" height="40">
                  <animation easeout="true"><key time="0" position="0, 0" opacity="0"/><key time="1s" position="100, 50" opacity="1" rotation="90"/></animation>
                </image>
              </scene>
            </movie>
            """);

        Assert.Empty(Errors(translation));
        var scene = MovieParser.Parse(translation.Json!).Movie!.Scenes[0];
        Assert.Equal(3, scene.Layers.Count);
    }
}
