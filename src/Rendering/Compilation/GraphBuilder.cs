using System.Globalization;
using System.Text;

namespace Orleans.Render.Rendering.Compilation;

/// <summary>
/// The filter graph and input list of one ffmpeg invocation while it is being compiled: statements are appended in
/// order, inputs get their index, and labels are unique within the graph.
/// </summary>
public sealed class GraphBuilder(Model.FrameRate fps)
{
    private readonly StringBuilder graph = new();
    private readonly List<string> inputs = [];
    private int inputCount;
    private int labelCount;

    public Model.FrameRate Fps { get; } = fps;

    /// <summary>The video and audio sources of this render, prepared as local files.</summary>
    public IReadOnlyDictionary<Media.MediaReference, PreparedMedia> Media { get; init; } = new Dictionary<Media.MediaReference, PreparedMedia>();

    public IReadOnlyList<string> InputArguments => inputs;

    public string Graph => graph.ToString();

    /// <summary>Adds <c>-i path</c>, preceded by per-input options such as <c>-ss</c>, and returns the input's index.</summary>
    public int AddInput(string path, params IReadOnlyList<string> options)
    {
        inputs.AddRange(options);
        inputs.Add("-i");
        inputs.Add(path);
        return inputCount++;
    }

    /// <summary>A label not used before in this graph, e.g. <c>l7</c> for prefix <c>l</c>.</summary>
    public string NewLabel(string prefix) => $"{prefix}{labelCount++}";

    /// <summary>Appends one statement (a filter chain); the terminating <c>;</c> and newline are added here.</summary>
    public void Statement(string chain) => graph.Append(chain).Append(";\n");

    public void Tail(string chain) => graph.Append(chain);

    /// <summary>Frames as seconds for filter options and expressions, culture-invariant.</summary>
    public string Seconds(int frames) => Fps.Seconds(frames).ToString("0.######", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
