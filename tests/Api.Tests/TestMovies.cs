namespace Orleans.Render.Api.Tests;

/// <summary>
/// The end-to-end movie: 320x180 at 25 fps, two 1 s scenes. Scene one is navy with a text layer on frames 10–19 and an
/// image on frames 5–24; scene two is green with a red square on frames 37–49.
/// </summary>
internal static class TestMovies
{
    public const int Width = 320;
    public const int Height = 180;
    public const int Frames = 50;

    public static readonly (int R, int G, int B) Navy = (0, 0, 128);
    public static readonly (int R, int G, int B) Green = (0, 100, 0);
    public static readonly (int R, int G, int B) Red = (255, 0, 0);
    public static readonly (int R, int G, int B) White = (255, 255, 255);

    public const string Greeting = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [
            {"type": "image", "url": "${logo}", "x": 200, "y": 20, "width": 64, "height": 64, "start": 0.2},
            {"type": "text", "text": "Hello, ${name, World}!", "y": 120, "height": 60, "fontSize": 32, "start": 0.4, "duration": 0.4}]},
          {"duration": 1, "background": "#006400", "layers": [
            {"type": "solid", "color": "#ff0000", "x": 20, "y": 20, "width": 40, "height": 40, "start": 0.48}]}]}
        """;

    /// <summary>Counts text-coloured pixels in the band the text layer occupies.</summary>
    public static int TextPixels(TestSupport.DecodedFrame frame) => frame.CountNear(0, 120, Width, 180, White);
}
