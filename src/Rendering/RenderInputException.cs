namespace Orleans.Render.Rendering;

/// <summary>
/// A render failed because of what the caller supplied (a movie, a param, a media URL), not because of the system.
/// The API turns it into a 4xx answer carrying <see cref="Code"/> and the message, which therefore never holds a
/// server path (<see cref="ServerPaths"/>).
/// </summary>
public sealed class RenderInputException(string code, string message, Exception? inner = null) : Exception(ServerPaths.Scrub(message), inner)
{
    public string Code { get; } = code;
}
