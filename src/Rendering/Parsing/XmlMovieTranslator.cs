using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Orleans.Render.Conventions;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// The JSON movie an XML template became (null when the XML itself could not be translated) and its problems, at XML
/// paths; the movie is valid only when there are none.
/// </summary>
public sealed record XmlTranslation(string? Json, IReadOnlyList<MovieError> Errors);

/// <summary>
/// Translates an impossible.io-style XML template (<c>&lt;movie&gt;</c> with scenes, layers, animations, transitions and
/// audio) into the JSON movie format and validates it with <see cref="MovieParser"/>. Every element and attribute is
/// either mapped or reported (never dropped); parser problems are reported at the XML element and attribute they came
/// from. Times are frame counts (<c>"75"</c>) or seconds (<c>"0.3s"</c>); <c>position</c>, <c>anchor</c> and
/// <c>scale</c> may be <c>"x, y"</c> pairs; <c>${…}</c> variables pass through.
/// </summary>
public static class XmlMovieTranslator
{
    private const int MaxCharacters = 2 * 1024 * 1024;

    private static readonly string[] VisualLayers = ["text", "image", "video", "solid", "shape"];

    private static readonly Dictionary<(int X, int Y), string> AnchorNames = new()
    {
        [(-1, -1)] = "top-left", [(0, -1)] = "top", [(1, -1)] = "top-right",
        [(-1, 0)] = "left", [(0, 0)] = "center", [(1, 0)] = "right",
        [(-1, 1)] = "bottom-left", [(0, 1)] = "bottom", [(1, 1)] = "bottom-right",
    };

    public static XmlTranslation Translate(string xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(
                new StringReader(xml),
                new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new XmlTranslation(null, [new MovieError("/", $"The movie is not well-formed XML: {ex.Message}")]);
        }

        var context = new Context();
        var root = document.Root!;
        if (root.Name.LocalName != "movie" || root.Name.Namespace != XNamespace.None)
        {
            return new XmlTranslation(null, [new MovieError("/", $"The root element must be <movie>, not <{root.Name.LocalName}>.")]);
        }

        var movie = context.Movie(root);
        if (context.Errors.Count > 0)
        {
            return new XmlTranslation(null, context.Errors);
        }

        var json = movie.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var parsed = MovieParser.Parse(json);
        return new XmlTranslation(json, [.. parsed.Errors.Select(context.ToXmlError)]);
    }

    /// <summary>One translation: the problems found and where each JSON field came from in the XML.</summary>
    private sealed class Context
    {
        private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);

        public List<MovieError> Errors { get; } = [];

        private int Fps { get; set; } = 30;

        public JsonObject Movie(XElement movie)
        {
            var element = new ElementReader(this, movie, "$", "/movie");
            element.Int("width", "width");
            element.Int("height", "height");
            if (element.Take("framerate") is { } rate)
            {
                if (int.TryParse(rate, NumberStyles.None, CultureInfo.InvariantCulture, out var fps) && fps > 0)
                {
                    Fps = Math.Min(fps, 1000);
                    element.Set("fps", fps, "framerate");
                }
                else
                {
                    element.Error("framerate", $"must be a whole number of frames per second (such as \"25\"); '{rate}' is not supported.");
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
                        var scene = Scene(child, $"$.scenes[{sceneIndex}]", $"/movie/scene[{sceneIndex + 1}]", inChoice: false);
                        if (pendingTransition is not null)
                        {
                            scene["transition"] = pendingTransition;
                            origins[$"$.scenes[{sceneIndex}].transition"] = pendingTransitionPath!;
                            pendingTransition = null;
                        }

                        scenes.Add(scene);
                        sceneIndex++;
                        break;
                    case "transition":
                        pendingTransitionPath = $"/movie/transition[{Position(child)}]";
                        pendingTransition = Transition(child, pendingTransitionPath, sceneIndex);
                        break;
                    case "audio" when audioCount++ == 0:
                        json["audio"] = Audio(child, "$.audio", "/movie/audio", layer: false);
                        break;
                    case "audio":
                        Errors.Add(new MovieError("/movie/audio[2]", "A movie has at most one movie-wide <audio> track; put scene audio inside the scenes."));
                        break;
                    default:
                        Unsupported(child, "/movie", "<scene>, <transition> and <audio>");
                        break;
                }
            }

            if (pendingTransition is not null)
            {
                Errors.Add(new MovieError(pendingTransitionPath!, "A <transition> leads into the scene after it, and there is none."));
            }

            json["scenes"] = scenes;
            return json;
        }

        private JsonObject Scene(XElement scene, string jsonPath, string xmlPath, bool inChoice)
        {
            origins[jsonPath] = xmlPath;
            var element = new ElementReader(this, scene, jsonPath, xmlPath);
            var type = element.Take("type");
            if (type is not null)
            {
                element.Set("type", type, "type");
            }

            if (element.Take("duration") is { } duration)
            {
                if (duration.Trim() is "auto" or "audio")
                {
                    element.Set("duration", "auto", "duration");
                }
                else if (duration.TrimEnd().EndsWith('s'))
                {
                    element.Number("duration", "duration", duration.TrimEnd()[..^1]);
                }
                else if (int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out var frames))
                {
                    element.Set("frames", frames, "duration");
                }
                else
                {
                    element.Error("duration", $"must be a frame count (\"75\"), seconds (\"3s\") or \"auto\"; '{duration}' is neither.");
                }
            }

            element.String("background", "background");
            element.String("condition", type == "choice" && !scene.Attributes("variable").Any() ? "variable" : "condition");
            element.String("variable", "variable");
            if (inChoice)
            {
                element.String("case", "case");
            }

            element.RejectOtherAttributes();
            var json = element.ToObject();
            var layers = new JsonArray();
            var cases = new JsonArray();
            foreach (var child in scene.Elements())
            {
                var name = child.Name.LocalName;
                var childPath = $"{xmlPath}/{name}[{Position(child)}]";
                if (name == "scene" && type == "choice")
                {
                    if (child.Attribute("case") is null)
                    {
                        if (json.ContainsKey("default"))
                        {
                            Errors.Add(new MovieError(childPath, "A choice has at most one <scene> without a case (its default)."));
                        }

                        json["default"] = Scene(child, $"{jsonPath}.default", childPath, inChoice: false);
                    }
                    else
                    {
                        cases.Add(Scene(child, $"{jsonPath}.cases[{cases.Count}]", childPath, inChoice: true));
                    }
                }
                else if (VisualLayers.Contains(name) || name == "audio")
                {
                    layers.Add(Layer(child, $"{jsonPath}.layers[{layers.Count}]", childPath));
                }
                else
                {
                    Unsupported(child, xmlPath, type == "choice" ? "case <scene>s" : "layers (<text>, <image>, <video>, <solid>, <shape>, <audio>)");
                }
            }

            if (layers.Count > 0)
            {
                json["layers"] = layers;
            }

            if (type == "choice")
            {
                json["cases"] = cases;
            }

            return json;
        }

        private JsonObject Transition(XElement transition, string xmlPath, int nextScene)
        {
            var element = new ElementReader(this, transition, $"$.scenes[{nextScene}].transition", xmlPath);
            element.String("type", "type");
            element.Time("duration", "duration");
            element.RejectOtherAttributes();
            RejectChildren(transition, xmlPath);
            return element.ToObject();
        }

        private JsonObject Layer(XElement layer, string jsonPath, string xmlPath)
        {
            origins[jsonPath] = xmlPath;
            var type = layer.Name.LocalName;
            if (type == "audio")
            {
                return Audio(layer, jsonPath, xmlPath, layer: true);
            }

            var element = new ElementReader(this, layer, jsonPath, xmlPath);
            element.Set("type", type, null);
            if (element.Take("position") is { } position)
            {
                element.Pair("position", position, "x", "y");
            }

            element.Int("x", "x");
            element.Int("y", "y");
            element.Int("width", "width");
            element.Int("height", "height");
            element.Time("offset", "start");
            element.Time("start", "start");
            element.Time("duration", "duration");
            element.Time("fadein", "fadeIn");
            element.Time("fadeout", "fadeOut");
            element.Anchor();
            if (element.Take("scale") is { } scale)
            {
                element.Scale(scale);
            }

            element.Number("rotation", "rotation");
            element.Number("opacity", "opacity");
            element.String("blendmode", "blend");
            element.String("blend", "blend");
            element.String("condition", "condition");
            switch (type)
            {
                case "text":
                    element.String("content", "text");
                    element.String("text", "text");
                    element.String("color", "color");
                    element.Number("size", "fontSize");
                    element.Number("fontsize", "fontSize");
                    element.String("xalign", "align");
                    element.String("align", "align");
                    if ((element.Take("yalign") ?? element.Take("verticalalign")) is { } vertical)
                    {
                        element.Set("verticalAlign", vertical == "center" ? "middle" : vertical, "yalign");
                    }

                    element.String("font", "font");
                    element.String("background", "backgroundColor");
                    element.Int("padding", "padding");
                    element.Number("linespacing", "lineSpacing");
                    element.String("overflow", "overflow");
                    break;
                case "image":
                    element.String("src", "url");
                    element.String("url", "url");
                    element.String("fit", "fit");
                    break;
                case "video":
                    element.String("src", "url");
                    element.String("url", "url");
                    element.Time("skip", "in");
                    element.Time("in", "in");
                    element.Bool("loop", "loop");
                    element.Bool("mute", "mute");
                    if (element.Take("audio") is { } audio)
                    {
                        element.BoolValue("audio", audio, "mute", invert: true);
                    }

                    element.Number("volume", "volume");
                    element.String("fit", "fit");
                    break;
                case "solid":
                    element.String("color", "color");
                    element.String("fill", "color");
                    break;
                case "shape":
                    element.String("shape", "shape");
                    element.String("fill", "fill");
                    element.String("stroke", "stroke");
                    element.Number("linewidth", "strokeWidth");
                    element.Number("strokewidth", "strokeWidth");
                    element.Number("cornerradius", "cornerRadius");
                    break;
            }

            element.RejectOtherAttributes();
            var json = element.ToObject();
            LayerChildren(layer, json, jsonPath, xmlPath);
            return json;
        }

        private void LayerChildren(XElement layer, JsonObject json, string jsonPath, string xmlPath)
        {
            var animations = new JsonArray();
            var keyframes = new JsonArray();
            var type = layer.Name.LocalName;
            if (type == "text" && layer.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            {
                SetText(json, string.Concat(layer.Nodes().OfType<XText>().Select(t => t.Value)).Trim(), jsonPath, xmlPath);
            }

            foreach (var child in layer.Elements())
            {
                var name = child.Name.LocalName;
                var childPath = $"{xmlPath}/{name}[{Position(child)}]";
                switch (name)
                {
                    case "animation" when child.Attribute("type") is null:
                        var easing = AnimationEasing(child, childPath);
                        foreach (var key in child.Elements())
                        {
                            var keyPath = $"{childPath}/{key.Name.LocalName}[{Position(key)}]";
                            if (key.Name.LocalName != "key")
                            {
                                Unsupported(key, childPath, "<key> keyframes");
                                continue;
                            }

                            keyframes.Add(Keyframe(key, $"{jsonPath}.keyframes[{keyframes.Count}]", keyPath, easing));
                        }

                        if (!child.Elements().Any())
                        {
                            Errors.Add(new MovieError(childPath, "An <animation> needs a type (fadein, fadeout, slidein, slideout, zoom) or <key> keyframes."));
                        }

                        break;
                    case "animation":
                        animations.Add(Animation(child, $"{jsonPath}.animations[{animations.Count}]", childPath));
                        break;
                    case "content" when type == "text":
                        RejectChildren(child, childPath);
                        if (child.Attributes().FirstOrDefault() is { } attribute)
                        {
                            Errors.Add(new MovieError($"{childPath}/@{attribute.Name.LocalName}", "is not supported on <content>."));
                        }

                        SetText(json, child.Value.Trim(), jsonPath, childPath);
                        break;
                    case "outline" when type == "text":
                    case "shadow" when type == "text":
                        var element = new ElementReader(this, child, $"{jsonPath}.{name}", childPath);
                        element.String("color", "color");
                        element.Number("width", "width");
                        element.Number("x", "x");
                        element.Number("y", "y");
                        element.Number("blur", "blur");
                        element.RejectOtherAttributes();
                        RejectChildren(child, childPath);
                        json[name] = element.ToObject();
                        break;
                    default:
                        Unsupported(child, xmlPath, type == "text" ? "<animation>, <content>, <outline> and <shadow>" : "<animation>");
                        break;
                }
            }

            if (animations.Count > 0)
            {
                json["animations"] = animations;
            }

            if (keyframes.Count > 0)
            {
                json["keyframes"] = keyframes;
            }
        }

        private void SetText(JsonObject json, string text, string jsonPath, string xmlPath)
        {
            if (json.ContainsKey("text"))
            {
                Errors.Add(new MovieError(xmlPath, "The text is given twice (attribute, <content> or element text): keep one."));
                return;
            }

            json["text"] = text;
            origins[$"{jsonPath}.text"] = xmlPath;
        }

        private JsonObject Animation(XElement animation, string jsonPath, string xmlPath)
        {
            var element = new ElementReader(this, animation, jsonPath, xmlPath);
            element.String("type", "type");
            element.Time("duration", "duration");
            element.String("direction", "direction");
            element.Number("from", "from");
            element.Number("to", "to");
            element.String("easing", "easing");
            if (AnimationEasing(animation, xmlPath) is { } easing)
            {
                element.Set("easing", easing, "easein");
            }

            element.Take("easein");
            element.Take("easeout");
            element.RejectOtherAttributes();
            RejectChildren(animation, xmlPath);
            return element.ToObject();
        }

        /// <summary>impossible.io's <c>easein</c>/<c>easeout</c> flags as one of the contract's easings.</summary>
        private string? AnimationEasing(XElement animation, string xmlPath)
        {
            bool Flag(string name)
            {
                var value = animation.Attribute(name)?.Value.Trim().ToLowerInvariant();
                if (value is null or "false" or "0" or "no")
                {
                    return false;
                }

                if (value is not ("true" or "1" or "yes"))
                {
                    Errors.Add(new MovieError($"{xmlPath}/@{name}", $"must be true or false; speed and influence pairs ('{value}') are not supported."));
                }

                return true;
            }

            var (easeIn, easeOut) = (Flag("easein"), Flag("easeout"));
            return (easeIn, easeOut) switch
            {
                (true, true) => "ease-in-out",
                (true, false) => "ease-in",
                (false, true) => "ease-out",
                _ => null,
            };
        }

        private JsonObject Keyframe(XElement key, string jsonPath, string xmlPath, string? easing)
        {
            var element = new ElementReader(this, key, jsonPath, xmlPath);
            element.Time("time", "time");
            if (element.Take("position") is { } position)
            {
                element.Pair("position", position, "x", "y");
            }

            element.Int("x", "x");
            element.Int("y", "y");
            if (element.Take("scale") is { } scale)
            {
                element.Scale(scale);
            }

            element.Number("rotation", "rotation");
            element.Number("opacity", "opacity");
            element.String("easing", "easing");
            if (easing is not null && key.Attribute("easing") is null)
            {
                element.Set("easing", easing, null);
            }

            element.RejectOtherAttributes();
            RejectChildren(key, xmlPath);
            return element.ToObject();
        }

        private JsonObject Audio(XElement audio, string jsonPath, string xmlPath, bool layer)
        {
            origins[jsonPath] = xmlPath;
            var element = new ElementReader(this, audio, jsonPath, xmlPath);
            if (layer)
            {
                element.Set("type", "audio", null);
            }

            if (audio.Attribute("type") is { } type)
            {
                Errors.Add(new MovieError($"{xmlPath}/@type", $"Audio of type '{type.Value}' (text to speech) is not supported; give an audio file with src or url."));
                element.Take("type");
            }

            element.String("src", "url");
            element.String("url", "url");
            element.Number("volume", "volume");
            element.Time("skip", "in");
            element.Time("in", "in");
            element.Bool("loop", "loop");
            element.Time("fadein", "fadeIn");
            element.Time("fadeout", "fadeOut");
            if (layer)
            {
                element.Time("offset", "start");
                element.Time("start", "start");
                element.Time("duration", "duration");
                element.String("condition", "condition");
            }

            element.RejectOtherAttributes();
            RejectChildren(audio, xmlPath);
            return element.ToObject();
        }

        private void RejectChildren(XElement element, string xmlPath)
        {
            foreach (var child in element.Elements())
            {
                Errors.Add(new MovieError($"{xmlPath}/{child.Name.LocalName}[{Position(child)}]", $"<{child.Name.LocalName}> is not supported inside <{element.Name.LocalName}>{Line(child)}."));
            }
        }

        private void Unsupported(XElement child, string parentPath, string allowed) =>
            Errors.Add(new MovieError(
                $"{parentPath}/{child.Name.LocalName}[{Position(child)}]",
                $"<{child.Name.LocalName}> is not supported inside <{child.Parent!.Name.LocalName}>{Line(child)}; allowed: {allowed}."));

        public void Origin(string jsonPath, string xmlPath) => origins[jsonPath] = xmlPath;

        /// <summary>Frames to seconds at the movie's frame rate; the parser rounds back to the same frame.</summary>
        public double Seconds(int frames) => frames / (double)Fps;

        /// <summary>A parser problem at the XML attribute its field came from, else at the nearest element.</summary>
        public MovieError ToXmlError(MovieError error)
        {
            if (origins.TryGetValue(error.Path, out var exact))
            {
                return new MovieError(exact, error.Message);
            }

            for (var path = error.Path; path.Length > 1;)
            {
                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                if (cut <= 0)
                {
                    break;
                }

                path = path[..cut];
                if (origins.TryGetValue(path, out var element))
                {
                    return new MovieError(element, $"{error.Path[(path.Length + (error.Path[path.Length] == '.' ? 1 : 0))..]} {error.Message}");
                }
            }

            return new MovieError(error.Path.Length <= 1 ? "/movie" : error.Path, error.Message);
        }

        private static int Position(XElement element) =>
            element.ElementsBeforeSelf(element.Name).Count() + 1;

        public static string Line(XObject node) =>
            node is IXmlLineInfo info && info.HasLineInfo() ? string.Create(CultureInfo.InvariantCulture, $" (line {info.LineNumber})") : "";

        /// <summary>Reads one element's attributes into JSON fields, remembering which attribute each field came from.</summary>
        public sealed class ElementReader(Context context, XElement element, string jsonPath, string xmlPath)
        {
            private readonly HashSet<string> taken = new(StringComparer.Ordinal);

            private List<(string Key, JsonNode? Value)> Fields { get; } = [];

            public string? Take(string attribute)
            {
                var found = element.Attributes().FirstOrDefault(a => a.Name.Namespace == XNamespace.None
                    && a.Name.LocalName.Equals(attribute, StringComparison.OrdinalIgnoreCase));
                if (found is null)
                {
                    return null;
                }

                taken.Add(found.Name.LocalName);
                return found.Value;
            }

            public void Set(string field, JsonNode? value, string? attribute)
            {
                var existing = Fields.FindIndex(f => f.Key == field);
                if (existing >= 0)
                {
                    Error(attribute ?? field, $"sets '{field}' a second time (another attribute already did).");
                    return;
                }

                Fields.Add((field, value));
                if (attribute is not null)
                {
                    context.Origin($"{jsonPath}.{field}", $"{xmlPath}/@{attribute}");
                }
            }

            public void Error(string attribute, string message) =>
                context.Errors.Add(new MovieError($"{xmlPath}/@{attribute}", message));

            public void String(string attribute, string field)
            {
                if (Take(attribute) is { } value)
                {
                    Set(field, value, attribute);
                }
            }

            public void Int(string attribute, string field)
            {
                if (Take(attribute) is { } value)
                {
                    Set(field, IntValue(attribute, value), attribute);
                }
            }

            public void Number(string attribute, string field)
            {
                if (Take(attribute) is { } value)
                {
                    Number(attribute, field, value);
                }
            }

            public void Number(string attribute, string field, string value) => Set(field, NumberValue(attribute, value), attribute);

            public void Bool(string attribute, string field)
            {
                if (Take(attribute) is { } value)
                {
                    BoolValue(attribute, value, field, invert: false);
                }
            }

            public void BoolValue(string attribute, string value, string field, bool invert)
            {
                var text = value.Trim().ToLowerInvariant();
                JsonNode? node = text switch
                {
                    "true" or "1" or "yes" => JsonValue.Create(!invert),
                    "false" or "0" or "no" => JsonValue.Create(invert),
                    _ when value.Contains("${", StringComparison.Ordinal) => JsonValue.Create(value),
                    _ => null,
                };
                if (node is null)
                {
                    Error(attribute, $"must be true or false, not '{value}'.");
                    return;
                }

                Set(field, node, attribute);
            }

            /// <summary>A time: a frame count ("75"), seconds ("0.3s") or seconds with variables ("${t, 2}s").</summary>
            public void Time(string attribute, string field)
            {
                if (Take(attribute) is not { } value)
                {
                    return;
                }

                var text = value.Trim();
                if (text.EndsWith('s'))
                {
                    Set(field, NumberValue(attribute, text[..^1]), attribute);
                }
                else if (text.Contains("${", StringComparison.Ordinal))
                {
                    Error(attribute, $"'{value}' is a variable frame count; write variable times in seconds with an 's' (\"${{t, 2}}s\").");
                }
                else if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var frames))
                {
                    Set(field, context.Seconds(frames), attribute);
                }
                else
                {
                    Error(attribute, $"must be a frame count (\"75\") or seconds (\"0.3s\"); '{value}' is neither.");
                }
            }

            /// <summary>"x, y" into two fields; each part a number or a variable.</summary>
            public void Pair(string attribute, string value, string first, string second)
            {
                var parts = SplitPair(value);
                if (parts.Length != 2)
                {
                    Error(attribute, $"must be two numbers \"x, y\", not '{value}'.");
                    return;
                }

                Set(first, IntValue(attribute, parts[0]), attribute);
                Set(second, IntValue(attribute, parts[1]), attribute);
            }

            /// <summary>"s" or "sx, sy" with sx = sy: the contract's scale is uniform.</summary>
            public void Scale(string value)
            {
                var parts = SplitPair(value);
                if (parts.Length > 2)
                {
                    Error("scale", $"must be \"s\" or \"s, s\", not '{value}'.");
                    return;
                }

                if (parts.Length == 2 && parts[0] != parts[1]
                    && !(double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var sx)
                        && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var sy) && sx == sy))
                {
                    Error("scale", $"must be uniform (\"1.5\" or \"1.5, 1.5\"); '{value}' scales x and y differently.");
                    return;
                }

                Set("scale", NumberValue("scale", parts[0]), "scale");
            }

            /// <summary>Splits on the commas that are not inside a <c>${…}</c> variable, trimming each part.</summary>
            private static string[] SplitPair(string value)
            {
                var parts = new List<string>();
                var (depth, start) = (0, 0);
                for (var i = 0; i < value.Length; i++)
                {
                    if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '{')
                    {
                        depth++;
                    }
                    else if (value[i] == '}' && depth > 0)
                    {
                        depth--;
                    }
                    else if (value[i] == ',' && depth == 0)
                    {
                        parts.Add(value[start..i].Trim());
                        start = i + 1;
                    }
                }

                parts.Add(value[start..].Trim());
                return [.. parts];
            }

            /// <summary>A named anchor (top-left … bottom-right), or impossible.io's "dx, dy" offset from the centre when it is the centre, an edge or a corner of the box.</summary>
            public void Anchor()
            {
                if (Take("anchor") is not { } value)
                {
                    return;
                }

                var parts = SplitPair(value);
                if (parts.Length == 1)
                {
                    Set("anchor", value.Trim(), "anchor");
                    return;
                }

                var width = element.Attribute("width")?.Value;
                var height = element.Attribute("height")?.Value;
                if (parts.Length == 2
                    && Side(parts[0], width) is { } x && Side(parts[1], height) is { } y
                    && AnchorNames.TryGetValue((x, y), out var name))
                {
                    Set("anchor", name, "anchor");
                    return;
                }

                Error("anchor", $"'{value}' is not the centre (\"0, 0\"), an edge or a corner of the layer (±width/2, ±height/2); use a name such as \"top-left\".");
            }

            private static int? Side(string offset, string? size)
            {
                if (!double.TryParse(offset, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                if (value == 0)
                {
                    return 0;
                }

                return double.TryParse(size, NumberStyles.Float, CultureInfo.InvariantCulture, out var length) && Math.Abs(value) == length / 2
                    ? Math.Sign(value)
                    : null;
            }

            public void RejectOtherAttributes()
            {
                foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && !taken.Contains(a.Name.LocalName)))
                {
                    context.Errors.Add(new MovieError(
                        $"{xmlPath}/@{attribute.Name.LocalName}", $"is not supported on <{element.Name.LocalName}>{Line(element)}."));
                }
            }

            public JsonObject ToObject()
            {
                var json = new JsonObject();
                foreach (var (key, value) in Fields)
                {
                    json[key] = value;
                }

                return json;
            }

            private JsonNode? IntValue(string attribute, string value)
            {
                if (value.Contains("${", StringComparison.Ordinal))
                {
                    return JsonValue.Create(value);
                }

                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Round(number)
                    && Math.Abs(number) < int.MaxValue)
                {
                    return JsonValue.Create((int)number);
                }

                Error(attribute, $"must be a whole number, not '{value}'.");
                return null;
            }

            private JsonNode? NumberValue(string attribute, string value)
            {
                if (value.Contains("${", StringComparison.Ordinal))
                {
                    return JsonValue.Create(value.Trim());
                }

                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number == Math.Round(number) && Math.Abs(number) < int.MaxValue ? JsonValue.Create((int)number) : JsonValue.Create(number);
                }

                Error(attribute, $"must be a number, not '{value}'.");
                return null;
            }
        }
    }
}
