using Orleans.Render.Rendering.Shapes;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>
/// Reads a shape's outline: <c>path</c> (SVG path data) or <c>points</c> (a closed polygon, <c>"x,y x,y …"</c>), in the
/// box's pixels, plain text without variables, checked strictly by <see cref="SvgPathData"/>; the two exclude each other
/// and <c>shape</c> and <c>cornerRadius</c>.
/// </summary>
internal static class ShapePathReader
{
    private static readonly string[] ExcludedFields = ["shape", "cornerRadius"];

    public static string? Read(ObjectReader reader)
    {
        var path = reader.OptionalString("path");
        var points = reader.OptionalString("points");
        if (path is null && points is null)
        {
            return null;
        }

        foreach (var other in ExcludedFields.Where(reader.Has))
        {
            reader.Error(other, $"does not apply to a shape drawn from {(path is null ? "points" : "a path")}.");
        }

        if (path is not null && points is not null)
        {
            reader.Error("points", "and path exclude each other: give one outline.");
            return null;
        }

        var (field, text) = path is null ? ("points", points!) : ("path", path);
        var data = path is null ? SvgPathData.FromPoints(text, out var error) : SvgPathData.Normalize(text, out error);
        if (error is not null)
        {
            reader.Error(field, error);
        }

        return data;
    }
}
