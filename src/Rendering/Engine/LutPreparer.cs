using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The prepare stage for colour LUTs (<see cref="LutFilter"/>): each <c>.cube</c> asset a frame range uses is copied
/// from the project, read and checked by <see cref="CubeLut"/> (size, shape, numbers), and written again into the work
/// folder under a name of ours, which is all the filter graph names (ffmpeg runs in that folder). The author's file never
/// reaches ffmpeg.
/// </summary>
public sealed class LutPreparer(MediaResolver resolver)
{
    public async Task<IReadOnlyDictionary<MediaReference, PreparedMedia>> PrepareAsync(
        Timeline timeline, string project, FrameRange range, string workDirectory, CancellationToken cancellationToken)
    {
        var sources = SceneWindow.Covering(timeline, range)
            .SelectMany(w => w.ShownLayers())
            .SelectMany(l => l.Filters.OfType<LutFilter>())
            .Select(f => f.Source)
            .Distinct()
            .ToList();
        var prepared = new Dictionary<MediaReference, PreparedMedia>();
        for (var i = 0; i < sources.Count; i++)
        {
            var copy = await resolver.GetLocalFileAsync(sources[i], project, workDirectory, cancellationToken);
            try
            {
                var lut = await CubeLut.ReadAsync(copy, sources[i].AssetName ?? sources[i].ToString(), cancellationToken);
                var path = Path.Combine(workDirectory, $"lut-{i}.cube");
                await lut.WriteAsync(path, cancellationToken);
                prepared[sources[i]] = new PreparedMedia(path, 0, false);
            }
            finally
            {
                File.Delete(copy);
            }
        }

        return prepared;
    }
}
