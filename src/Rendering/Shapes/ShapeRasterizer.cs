using Orleans.Render.Rendering.Model;
using SkiaSharp;

namespace Orleans.Render.Rendering.Shapes;

/// <summary>
/// Draws a <see cref="ShapeContent"/> into a transparent PNG of exactly the layer's box, once per render. The stroke
/// is centred on the outline inset by half its width, so the whole stroke stays inside the box.
/// </summary>
public static class ShapeRasterizer
{
    public static byte[] RenderPng(ShapeContent shape, int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            var inset = shape.Stroke is null || shape.Path is not null ? 0 : shape.StrokeWidth / 2;
            var bounds = new SKRect(inset, inset, width - inset, height - inset);
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = ToSkia(shape.Fill) };
            Draw(canvas, shape, bounds, fill);
            if (shape.Stroke is { } strokeColor && shape.StrokeWidth > 0)
            {
                using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = shape.StrokeWidth, Color = ToSkia(strokeColor) };
                Draw(canvas, shape, bounds, stroke);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Draw(SKCanvas canvas, ShapeContent shape, SKRect bounds, SKPaint paint)
    {
        if (shape.Path is { } outline)
        {
            DrawPath(canvas, outline, bounds, paint);
        }
        else if (shape.Kind == ShapeKind.Ellipse)
        {
            canvas.DrawOval(bounds, paint);
        }
        else if (shape.CornerRadius > 0)
        {
            var radius = Math.Min(shape.CornerRadius, Math.Min(bounds.Width, bounds.Height) / 2);
            canvas.DrawRoundRect(bounds, radius, radius, paint);
        }
        else
        {
            canvas.DrawRect(bounds, paint);
        }
    }

    /// <summary>
    /// A path or polygon, its box pixels stretched to the picture (drawn larger when the layer's scale is prepared); the
    /// stroke is centred on the outline as in SVG, so half of it may fall outside the box and be cut. Non-zero fill rule.
    /// </summary>
    private static void DrawPath(SKCanvas canvas, ShapePath outline, SKRect bounds, SKPaint paint)
    {
        using var path = SKPath.ParseSvgPathData(outline.Data) ?? throw new InvalidOperationException("Canonical path data did not parse.");
        path.FillType = SKPathFillType.Winding;
        path.Transform(SKMatrix.CreateScale(bounds.Width / outline.BoxWidth, bounds.Height / outline.BoxHeight));
        canvas.DrawPath(path, paint);
    }

    private static SKColor ToSkia(RgbaColor color) => new(color.R, color.G, color.B, color.A);
}
