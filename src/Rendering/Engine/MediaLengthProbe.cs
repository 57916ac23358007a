using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Binding;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// Reads the length of the media that <c>"auto"</c> scenes last for, so <see cref="MovieBinder"/> can stay pure: the job
/// grain reads them once and hands them to every segment, and the validator binds with them too, so all agree on the frame
/// count. Keys are the sources' <see cref="MediaReference.ToString"/> form. A movie without <c>"auto"</c> scenes costs nothing here.
/// </summary>
public sealed class MediaLengthProbe(MediaResolver resolver, AssetInspector inspector)
{
    public async Task<IReadOnlyDictionary<string, double>> ReadAsync(
        Movie movie, IReadOnlyDictionary<string, string> parameters, string project, string workDirectory, CancellationToken cancellationToken)
    {
        var sources = MovieBinder.AutoLengthSources(movie, parameters);
        if (sources.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var directory = Path.Combine(workDirectory, $"lengths-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var lengths = sources.Select(async source => (source, Seconds: await ReadAsync(source, project, directory, cancellationToken))).ToList();
            return (await Task.WhenAll(lengths)).ToDictionary(l => l.source.ToString(), l => l.Seconds);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<double> ReadAsync(MediaReference source, string project, string directory, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var path = await resolver.GetLocalFileAsync(source, project, directory, cancellationToken);
        var facts = await inspector.ProbeAsync(path, source.ToString(), null, cancellationToken);
        return facts.DurationSeconds
            ?? throw new RenderInputException("media_without_length", $"The length of '{source}' cannot be read, so the \"auto\" scene that plays it has no length.");
    }
}
