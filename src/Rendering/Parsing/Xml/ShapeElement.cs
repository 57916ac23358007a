namespace Orleans.Render.Rendering.Parsing.Xml;

/// <summary>The attributes particular to <c>&lt;solid&gt;</c> (a filled box) and <c>&lt;shape&gt;</c> layers.</summary>
internal static class ShapeElement
{
    public static void ReadSolidAttributes(ElementReader element)
    {
        element.String("color", "color");
        element.String("fill", "color");
    }

    public static void ReadShapeAttributes(ElementReader element)
    {
        element.String("shape", "shape");
        element.String("fill", "fill");
        element.String("stroke", "stroke");
        element.Number("linewidth", "strokeWidth");
        element.Number("strokewidth", "strokeWidth");
        element.Number("cornerradius", "cornerRadius");
        element.String("path", "path");
        element.String("points", "points");
    }
}
