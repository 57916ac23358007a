using System.Text.Json;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Model;
using Orleans.Render.Rendering.Parsing;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Parsing;

/// <summary>Scene ids, definitions, views and custom transitions: what is accepted, what XML becomes, and what is refused where.</summary>
public sealed class SceneReuseParsingTests
{
    private static Movie Parse(string json)
    {
        var result = MovieParser.Parse(json);
        Assert.True(result.Movie is not null, string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Message}")));
        return result.Movie!;
    }

    private static IReadOnlyList<MovieError> Errors(string json) => MovieParser.Parse(json).Errors;

    private static string WithDefinitions(string definitions, string layers) => $$"""
        {"width": 320, "height": 180, "fps": 25, "sceneDefinitions": [{{definitions}}],
         "scenes": [{"duration": 1, "layers": [{{layers}}]}]}
        """;

    [Fact]
    public void Xml_scene_definitions_views_and_custom_transitions_translate_to_the_same_movie_as_their_json()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scenedefinitions>
                <scene id="card" duration="10" background="#00ff00"><solid color="#ff0000" width="160"/></scene>
              </scenedefinitions>
              <scene id="s1" duration="25">
                <sceneview scenes="card" position="160, 90" width="160" height="90" offset="5" opacity="0.5">
                  <scene duration="10" background="#0000ff"/>
                </sceneview>
              </scene>
              <transition type="custom" duration="10">
                <scene background="#202020">
                  <layer ref="s1"/>
                  <layer ref="s2" position="80, 45" width="160" height="90"/>
                  <solid color="#ffffff" position="0, 160" height="20"/>
                </scene>
              </transition>
              <scene id="s2" duration="25"/>
            </movie>
            """);
        Assert.True(translation.Errors.Count == 0, string.Join("; ", translation.Errors.Select(e => $"{e.Path} {e.Message}")));
        var json = """
            {"width": 320, "height": 180, "fps": 25,
             "sceneDefinitions": [{"id": "card", "frames": 10, "background": "#00ff00", "layers": [{"type": "solid", "color": "#ff0000", "width": 160}]}],
             "scenes": [
               {"id": "s1", "frames": 25, "layers": [
                 {"type": "sceneview", "scenes": ["card", {"frames": 10, "background": "#0000ff"}], "x": 160, "y": 90, "width": 160, "height": 90, "start": 0.2, "opacity": 0.5}]},
               {"id": "s2", "frames": 25, "transition": {"type": "custom", "duration": 0.4, "background": "#202020", "layers": [
                 {"type": "scene", "ref": "previous"},
                 {"type": "scene", "ref": "next", "x": 80, "y": 45, "width": 160, "height": 90},
                 {"type": "solid", "color": "#ffffff", "y": 160, "height": 20}]}}]}
            """;

        var parameters = new Dictionary<string, string>();
        Assert.Equal(Describe(MovieBinder.Bind(Parse(json), parameters)), Describe(MovieBinder.Bind(Parse(translation.Json!), parameters)));
    }

    /// <summary>The bound timeline as text: scenes, transitions and layers with their contents, nested views included.</summary>
    private static string Describe(Timeline timeline) => JsonSerializer.Serialize(timeline.Scenes.Select(Scene));

    private static object Scene(TimelineScene scene) => new
    {
        scene.StartFrame, scene.FrameCount, Background = scene.Background.ToString(),
        Transition = scene.Transition is { } t ? new { t.Kind, t.Frames, Background = t.Background.ToString(), Layers = t.Layers.Select(Layer) } : null,
        Layers = scene.Layers.Select(Layer),
    };

    private static object Layer(TimelineLayer layer) => new
    {
        layer.StartFrame, layer.EndFrame, layer.X, layer.Y, layer.Width, layer.Height,
        Content = layer.Content switch
        {
            SceneViewContent view => (object)view.Scenes.Select(Scene),
            var other => other.ToString(),
        },
        Motion = layer.Motion.ToString(),
    };

    [Fact]
    public void A_view_names_defined_or_top_level_scenes_and_a_transition_ref_by_id_becomes_previous_or_next()
    {
        var movie = Parse("""
            {"width": 320, "height": 180, "fps": 25, "sceneDefinitions": [{"id": "card", "duration": 0.4}],
             "scenes": [
               {"id": "intro", "duration": 1, "layers": [{"type": "sceneview", "scenes": ["card", "card"]}]},
               {"id": "outro", "duration": 1, "layers": [{"type": "sceneview", "scenes": ["intro"], "duration": 0.2}],
                "transition": {"type": "custom", "duration": 0.2, "layers": [{"type": "scene", "ref": "outro"}, {"type": "scene", "ref": "intro"}]}}]}
            """);
        var timeline = MovieBinder.Bind(movie, new Dictionary<string, string>());

        Assert.Equal(20, timeline.Scenes[0].Layers[0].EndFrame);
        Assert.Equal(5, timeline.Scenes[1].Layers[0].EndFrame);
        Assert.Equal([true, false], timeline.Scenes[1].Transition!.Layers.Select(l => ((NeighbourContent)l.Content).Incoming));
    }

    [Theory]
    [InlineData("""{"id": "a", "duration": 1, "layers": [{"type": "sceneview", "scenes": ["b"]}]}, {"id": "b", "duration": 1, "layers": [{"type": "sceneview", "scenes": ["a"]}]}""",
        """{"type": "sceneview", "scenes": ["a"]}""", "$.sceneDefinitions[1].layers[0].scenes[0]", "a → b → a")]
    [InlineData("""{"id": "a", "duration": 1, "layers": [{"type": "sceneview", "scenes": ["a"]}]}""",
        """{"type": "sceneview", "scenes": ["a"]}""", "$.sceneDefinitions[0].layers[0].scenes[0]", "a → a")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "sceneview", "scenes": ["nope"]}""", "$.scenes[0].layers[0].scenes[0]", "'nope' is not the id")]
    [InlineData("""{"id": "a", "duration": 1}, {"id": "a", "duration": 2}""", """{"type": "sceneview", "scenes": ["a"]}""", "$.sceneDefinitions[1].id", "unique")]
    [InlineData("""{"duration": 1}""", """{"type": "solid", "color": "#fff"}""", "$.sceneDefinitions[0].id", "required")]
    [InlineData("""{"id": "a", "duration": 1, "condition": "vip"}""", """{"type": "sceneview", "scenes": ["a"]}""", "$.sceneDefinitions[0].condition", "put the condition on the view")]
    [InlineData("""{"id": "a", "duration": 1, "layers": [{"type": "audio", "url": "a.mp3"}]}""", """{"type": "sceneview", "scenes": ["a"]}""", "$.sceneDefinitions[0].layers", "pictures only")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "sceneview", "scenes": [{"duration": "auto", "layers": [{"type": "video", "url": "a.mp4"}]}]}""", "$.scenes[0].layers[0].scenes[0].duration", "give it seconds or frames")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "sceneview", "scenes": [3]}""", "$.scenes[0].layers[0].scenes[0]", "a scene id or a scene")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "sceneview", "scenes": []}""", "$.scenes[0].layers[0].scenes", "at least one")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "scene", "ref": "previous"}""", "$.scenes[0].layers", "custom transition")]
    [InlineData("""{"id": "next", "duration": 1}""", """{"type": "solid", "color": "#fff"}""", "$.sceneDefinitions[0].id", "not a scene id")]
    [InlineData("""{"id": "a", "duration": 1}""", """{"type": "solid", "color": "#fff", "mask": {"layer": {"type": "scene", "ref": "next"}}}""", "$.scenes[0].layers[0].mask.layer", "visual layer")]
    public void Bad_reuse_is_refused_at_the_path_of_the_view_naming_the_chain(string definitions, string layer, string path, string message)
    {
        var errors = Errors(WithDefinitions(definitions, layer));

        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}")));
    }

    [Fact]
    public void Views_nested_deeper_than_the_limit_are_refused_naming_the_chain()
    {
        var definitions = string.Join(", ", Enumerable.Range(0, 6).Select(i =>
            i == 5 ? """{"id": "d5", "duration": 1}""" : $"{{\"id\": \"d{i}\", \"duration\": 1, \"layers\": [{{\"type\": \"sceneview\", \"scenes\": [\"d{i + 1}\"]}}]}}"));

        var errors = Errors(WithDefinitions(definitions, """{"type": "sceneview", "scenes": ["d0"]}"""));

        Assert.Contains(errors, e => e.Path == "$.scenes[0].layers[0]" && e.Message.Contains("d0 → d1 → d2 → d3 → d4 → d5") && e.Message.Contains($"at most {MovieLimits.MaxViewDepth}"));
    }

    [Fact]
    public void Views_that_would_expand_into_too_many_layers_are_refused_however_they_are_nested()
    {
        // Each level shows the one below 20 times: 20 × 20 × 20 × 64 layers if it were expanded.
        var solids = string.Join(", ", Enumerable.Repeat("""{"type": "solid", "color": "#fff"}""", 64));
        var twenty = (string id) => string.Join(", ", Enumerable.Repeat($"\"{id}\"", 20));
        var definitions = $$"""
            {"id": "leaf", "duration": 1, "layers": [{{solids}}]},
            {"id": "mid", "duration": 1, "layers": [{"type": "sceneview", "scenes": [{{twenty("leaf")}}]}]},
            {"id": "top", "duration": 1, "layers": [{"type": "sceneview", "scenes": [{{twenty("mid")}}]}]}
            """;

        var errors = Errors(WithDefinitions(definitions, $$"""{"type": "sceneview", "scenes": [{{twenty("top")}}]}"""));

        Assert.Contains(errors, e => e.Path == "$.scenes" && e.Message.Contains($"at most {MovieLimits.MaxViewLayers}"));
    }

    [Fact]
    public void Views_of_empty_scenes_count_each_viewed_scene_so_nesting_cannot_multiply_compositions()
    {
        var twenty = (string id) => string.Join(", ", Enumerable.Repeat($"\"{id}\"", 20));
        var definitions = $$"""
            {"id": "empty", "frames": 1},
            {"id": "mid", "frames": 20, "layers": [{"type": "sceneview", "scenes": [{{twenty("empty")}}]}]},
            {"id": "top", "frames": 400, "layers": [{"type": "sceneview", "scenes": [{{twenty("mid")}}]}]}
            """;

        Assert.Contains(Errors(WithDefinitions(definitions, $$"""{"type": "sceneview", "scenes": [{{twenty("top")}}]}""")), e => e.Path == "$.scenes");
        Assert.Empty(Errors(WithDefinitions(definitions, """{"type": "sceneview", "scenes": ["top"]}""")));
    }

    [Theory]
    [InlineData("""{"type": "scene", "ref": "elsewhere"}""", "$.scenes[1].transition.layers[0].ref", "neither previous, next")]
    [InlineData("""{"type": "audio", "url": "a.mp3"}""", "$.scenes[1].transition.layers", "must not hold audio")]
    [InlineData("""{"type": "scene"}""", "$.scenes[1].transition.layers[0].ref", "is required")]
    public void Bad_custom_transitions_are_refused_at_their_path(string layer, string path, string message)
    {
        var errors = Errors($$$"""
            {"width": 320, "height": 180, "fps": 25, "scenes": [{"id": "a", "duration": 1},
              {"duration": 1, "transition": {"type": "custom", "duration": 0.2, "layers": [{{{layer}}}]}}]}
            """);

        Assert.True(errors.Any(e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal)), string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}")));
    }

    [Fact]
    public void Xml_views_of_another_movie_and_custom_transitions_without_one_scene_are_refused_at_their_xml_path()
    {
        var translation = XmlMovieTranslator.Translate("""
            <movie width="320" height="180" framerate="25">
              <scene duration="25"><sceneview src="other" scenes="0"/></scene>
              <transition type="custom" duration="5"><layer ref="a"/></transition>
              <scene duration="25"/>
            </movie>
            """);

        Assert.Contains(translation.Errors, e => e.Path == "/movie/scene[1]/sceneview[1]/@src");
        Assert.Contains(translation.Errors, e => e.Path == "/movie/transition[1]" && e.Message.Contains("exactly one <scene>"));
    }

    [Fact]
    public void Variables_inside_definitions_views_and_transitions_are_listed()
    {
        var movie = Parse("""
            {"width": 320, "height": 180, "fps": 25,
             "sceneDefinitions": [{"id": "card", "duration": 1, "layers": [{"type": "text", "text": "${name}"}]}],
             "scenes": [{"duration": 1, "layers": [{"type": "sceneview", "scenes": ["card", {"duration": 1, "background": "${tint, #000}"}]}]},
               {"duration": 1, "transition": {"type": "custom", "duration": 0.2, "layers": [{"type": "solid", "color": "${flash, #fff}"}]}}]}
            """);

        Assert.Equal(["name", "tint", "flash"], MovieVariables.Of(movie).Select(v => v.Name).Order(StringComparer.Ordinal).Reverse().OrderBy(n => n switch { "name" => 0, "tint" => 1, _ => 2 }));
    }
}
