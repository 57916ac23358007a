namespace Orleans.Render.TestSupport;

/// <summary>How <see cref="BrowserPlayer"/> plays a URL.</summary>
public enum PlaybackKind
{
    /// <summary><c>&lt;video src&gt;</c>: progressive MP4 or WebM, as a page that embeds the file plays it.</summary>
    Native,

    /// <summary>hls.js over Media Source Extensions, since Chromium has no native HLS.</summary>
    Hls,
}
