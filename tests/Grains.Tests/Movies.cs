namespace Orleans.Render.Grains.Tests;

/// <summary>Small movies for grain tests: 320x180, a second or two, so renders take well under a second.</summary>
internal static class Movies
{
    public const string TwoScenes = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "${bg, #000080}", "layers": [
            {"type": "text", "text": "Hello ${name, World}", "fontSize": 32, "fadeIn": 0.5}]},
          {"duration": 1, "background": "#006400", "layers": [
            {"type": "image", "url": "${logo, http://10.0.0.1/logo.png}", "x": 10, "y": 10, "width": 64, "height": 64}]}]}
        """;

    /// <summary>A minute of 720p: long enough that a test can watch progress and cancel mid-render.</summary>
    public const string Long = """
        {"width": 1280, "height": 720, "fps": 30, "scenes": [
          {"duration": 60, "layers": [{"type": "solid", "color": "#ff0000", "width": 640, "height": 360, "fadeIn": 50}]}]}
        """;
}
