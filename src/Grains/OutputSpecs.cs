using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains;

/// <summary>Turns the wire form of an output into the engine's, refusing extensions the engine cannot write.</summary>
internal static class OutputSpecs
{
    public static OutputSpec From(OutputRequest output) =>
        OutputFormats.TryParse(output.Extension, out var format)
            ? new OutputSpec(format, format.IsStill() ? output.Frame : 0, format == OutputFormat.Jpg ? output.Quality : 0)
            : throw new RenderInputException("unsupported_extension", $"'{output.Extension}' is not an output format ({string.Join(", ", OutputFormats.Extensions)}).");
}
