using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Parsing;

/// <summary>Reads the fields of a <c>shape</c> layer.</summary>
internal static class ShapeReader
{
    public static ShapeLayer Read(ObjectReader reader, LayerBox box, LayerTiming timing)
    {
        var shape = reader.Choice("shape", "rectangle", "rectangle", "ellipse");
        var fill = reader.Color("fill", "#ffffff");
        var stroke = reader.Has("stroke") ? reader.Color("stroke", "#000000") : null;
        reader.Allow("stroke");
        var strokeWidth = reader.Number("strokeWidth", 0, 0, MovieLimits.MaxSize);
        var cornerRadius = reader.Number("cornerRadius", 0, 0, MovieLimits.MaxSize);
        if (shape == "ellipse" && reader.Has("cornerRadius"))
        {
            reader.Error("cornerRadius", "only applies to rectangles.");
        }

        return new ShapeLayer(box, timing, shape, fill, stroke, strokeWidth, cornerRadius) { Path = ShapePathReader.Read(reader) };
    }
}
