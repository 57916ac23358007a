using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>
/// Translates the root <c>&lt;movie&gt;</c>: its size, frame rate and defaults, its scenes in order, the transition
/// written before a scene (it leads into that scene) and the one movie-wide audio track.
/// </summary>
internal static class MovieElement
{
    public static JsonObject Translate(TranslationContext context, XElement movie)
    {
        var element = new ElementReader(context, movie, "$", "/movie");
        element.Int("width", "width");
        element.Int("height", "height");
        if (element.Take("framerate") is { } rate)
        {
            if (FrameRate.TryParse(rate, out var fps))
            {
                context.Fps = fps;
                element.Set("fps", fps.Denominator == 1 ? (JsonNode)fps.Numerator : fps.ToString(), "framerate");
            }
            else
            {
                element.Error("framerate", $"must be frames per second (such as \"25\", \"29.97\" or \"30000/1001\"); '{rate}' is not supported.");
            }
        }

        element.Take("version");
        element.String("background", "background");
        element.String("font", "font");
        element.Int("posterframe", "posterFrame");
        element.RejectOtherAttributes();
        var json = element.ToObject();

        var scenes = new JsonArray();
        JsonObject? pendingTransition = null;
        string? pendingTransitionPath = null;
        var sceneIndex = 0;
        var audioCount = 0;
        foreach (var child in movie.Elements())
        {
            var name = child.Name.LocalName;
            switch (name)
            {
                case "scene":
                    var scene = SceneElement.Translate(context, child, $"$.scenes[{sceneIndex}]", $"/movie/scene[{sceneIndex + 1}]", inChoice: false);
                    if (pendingTransition is not null)
                    {
                        scene["transition"] = pendingTransition;
                        context.Origin($"$.scenes[{sceneIndex}].transition", pendingTransitionPath!);
                        pendingTransition = null;
                    }

                    scenes.Add(scene);
                    sceneIndex++;
                    break;
                case "transition":
                    pendingTransitionPath = TranslationContext.ChildPath("/movie", child);
                    pendingTransition = TransitionElement.Translate(context, child, pendingTransitionPath, sceneIndex);
                    break;
                case "scenedefinitions" when !json.ContainsKey("sceneDefinitions"):
                    json["sceneDefinitions"] = SceneReuseElement.TranslateDefinitions(context, child, TranslationContext.ChildPath("/movie", child));
                    break;
                case "audio" when audioCount++ == 0:
                    json["audio"] = AudioElement.Translate(context, child, "$.audio", "/movie/audio", layer: false);
                    break;
                case "audio":
                    context.Error("/movie/audio[2]", "A movie has at most one movie-wide <audio> track; put scene audio inside the scenes.");
                    break;
                default:
                    context.Unsupported(child, "/movie", "<scene>, <transition>, <audio> and one <scenedefinitions>");
                    break;
            }
        }

        if (pendingTransition is not null)
        {
            context.Error(pendingTransitionPath!, "A <transition> leads into the scene after it, and there is none.");
        }

        json["scenes"] = scenes;
        return json;
    }
}
