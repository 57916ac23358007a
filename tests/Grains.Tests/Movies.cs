namespace Orleans.Render.Grains.Tests;

/// <summary>Small movies for grain tests: 320x180, a second or two, so renders take well under a second.</summary>
internal static class Movies
{
    private static int made;

    /// <summary>
    /// The movie with a 2x2 dot of a colour no other call gets in the top-left corner of every scene: content no earlier
    /// test has stored, for tests that must watch a render happen rather than be served from the segment store.
    /// </summary>
    public static string Unique(string movie)
    {
        var n = Interlocked.Increment(ref made);
        var dot = $$"""{"type": "solid", "color": "#{{n & 0xffffff:x6}}", "x": 0, "y": 0, "width": 2, "height": 2}, """;
        return movie.Replace("\"layers\": [", "\"layers\": [" + dot, StringComparison.Ordinal);
    }

    public const string TwoScenes = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "${bg, #000080}", "layers": [
            {"type": "text", "text": "Hello ${name, World}", "fontSize": 32, "fadeIn": 0.5}]},
          {"duration": 1, "background": "#006400", "layers": [
            {"type": "image", "url": "${logo, http://10.0.0.1/logo.png}", "x": 10, "y": 10, "width": 64, "height": 64}]}]}
        """;

    /// <summary>Three 1 s scenes with a moving image and text across them: 75 frames to split into segments.</summary>
    public const string ThreeScenes = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [
            {"type": "image", "url": "${logo}", "width": 64, "height": 64, "keyframes": [{"time": 0, "x": 0, "y": 0}, {"time": 1, "x": 250, "y": 100}]}]},
          {"duration": 1, "background": "#006400", "layers": [
            {"type": "text", "text": "Segment ${name, two}", "fontSize": 30, "fadeIn": 0.8}]},
          {"duration": 1, "background": "#800000", "layers": [
            {"type": "solid", "color": "#ffff0080", "x": 100, "y": 50, "width": 120, "height": 80, "fadeOut": 1}]}]}
        """;

    /// <summary>Three 1 s scenes; only the last one shows the <c>name</c> param.</summary>
    public const string NameInLastScene = """
        {"width": 320, "height": 180, "fps": 25, "scenes": [
          {"duration": 1, "background": "#000080", "layers": [{"type": "text", "text": "intro", "fontSize": 30}]},
          {"duration": 1, "background": "#006400", "layers": [{"type": "solid", "color": "#ff0000", "width": 100, "height": 50}]},
          {"duration": 1, "background": "#800000", "layers": [{"type": "text", "text": "Bye ${name}", "fontSize": 30}]}]}
        """;

    /// <summary>Twelve seconds of 720p: long enough (with one encoder thread) to stop a silo while its segment renders.</summary>
    public const string Twelve = """
        {"width": 1280, "height": 720, "fps": 30, "scenes": [
          {"duration": 4, "background": "#000080", "layers": [{"type": "text", "text": "one", "fontSize": 80, "fadeIn": 3}]},
          {"duration": 4, "background": "#006400", "layers": [{"type": "solid", "color": "#ff0000", "width": 320, "height": 180, "fadeIn": 3}]},
          {"duration": 4, "background": "#800000", "layers": [{"type": "text", "text": "three", "fontSize": 80, "fadeOut": 3}]}]}
        """;

    /// <summary>A minute of 720p: long enough that a test can watch progress and cancel mid-render.</summary>
    public const string Long = """
        {"width": 1280, "height": 720, "fps": 30, "scenes": [
          {"duration": 60, "layers": [{"type": "solid", "color": "#ff0000", "width": 640, "height": 360, "fadeIn": 50}]}]}
        """;
}
