using System.Globalization;
using Orleans.Render.Models;
using Orleans.Render.Rendering;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Parsing;
using Orleans.Render.Conventions;

namespace Orleans.Render.Grains;

/// <summary>
/// What an output request of a token means: the engine's output spec and the movie document it renders. A still asked
/// for without a frame takes the request's <c>frame</c> param (the old SDKs' poster-frame URLs, v1 direct renders),
/// else the movie's poster frame, so its key names the frame.
/// </summary>
public sealed record OutputTarget(OutputSpec Spec, OutputRequest Request, string MovieJson)
{
    public string Key => Spec.Key;

    /// <summary>The target of <paramref name="output"/> for a token's request and the movies it snapshotted; a 4xx <see cref="RenderInputException"/> when it has none.</summary>
    public static OutputTarget For(OutputRequest output, RenderRequest request, IReadOnlyDictionary<string, string> movies)
    {
        var spec = OutputSpecs.From(output);
        var movieJson = movies[MovieName(spec.Format.Extension(), request)];
        if (output.PosterFrame && spec.Format.IsStill())
        {
            output = output with { Frame = FrameParam(request) ?? MovieParser.Parse(movieJson).Movie?.PosterFrame ?? 0, PosterFrame = false };
            spec = OutputSpecs.From(output);
        }

        return new OutputTarget(spec, output, movieJson);
    }

    /// <summary>
    /// The frames a token's default output will have, for progress before anything is planned: its mp4 movie (else
    /// the map's first) bound with the params, without reading media lengths; 0 when it does not bind.
    /// </summary>
    public static int PendingTotalFrames(RenderRequest request, IReadOnlyDictionary<string, string> movies)
    {
        var name = request.Movies.TryGetValue("mp4", out var mp4) ? mp4
            : request.Movies.TryGetValue("*", out var any) ? any
            : request.Movies.Values.FirstOrDefault();
        if (name is null || !movies.TryGetValue(name, out var json) || MovieParser.Parse(json).Movie is not { } movie)
        {
            return 0;
        }

        try
        {
            return MovieBinder.Bind(movie, request.Params).TotalFrames;
        }
        catch (RenderInputException)
        {
            return 0;
        }
    }

    /// <summary>A <c>frame</c> param that is a frame number; anything else is left to the movie's variables.</summary>
    private static int? FrameParam(RenderRequest request) =>
        request.Params.TryGetValue("frame", out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var frame) ? frame : null;

    /// <summary>The movie the request maps to an extension: the extension's own entry, else the <c>*</c> fallback.</summary>
    private static string MovieName(string extension, RenderRequest request) =>
        request.Movies.TryGetValue(extension, out var specific) ? specific
        : request.Movies.TryGetValue("*", out var fallback) ? fallback
        : throw new RenderInputException("extension_not_mapped", $"The token's movie map has no entry for '{extension}' and no '*' fallback.");
}
