using Orleans.Render.Rendering.Assets;
using Orleans.Render.Rendering.Compilation;
using Orleans.Render.Rendering.Media;
using Orleans.Render.Rendering.Model;

namespace Orleans.Render.Rendering.Engine;

/// <summary>
/// The prepare stage for media that play over time (video layers, sounds): each source a render needs is copied to a
/// local file once (remote URLs under the <see cref="RemoteMediaFetcher"/> size and time bounds, assets from the
/// project) and read by ffprobe within its time limit, so ffmpeg only ever opens checked local files and the compiler
/// knows each source's length and whether it has sound.
/// </summary>
public sealed class TimedMediaPreparer(MediaResolver resolver, AssetInspector inspector)
{
    public async Task<IReadOnlyDictionary<MediaReference, PreparedMedia>> PrepareAsync(
        Timeline timeline, string project, FrameRange range, bool withAudio, string workDirectory, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<MediaReference, string?>();
        foreach (var window in SceneWindow.Covering(timeline, range))
        {
            foreach (var layer in window.ShownLayers().Where(l => l.Content is VideoContent))
            {
                wanted[((VideoContent)layer.Content).Source] = "video";
            }
        }

        if (withAudio)
        {
            foreach (var clip in timeline.Audio)
            {
                wanted.TryAdd(clip.Source, null);
            }
        }

        var prepared = wanted.Select(async w => (w.Key, Media: await PrepareAsync(w.Key, w.Value, project, workDirectory, cancellationToken))).ToList();
        return (await Task.WhenAll(prepared)).ToDictionary(p => p.Key, p => p.Media);
    }

    private async Task<PreparedMedia> PrepareAsync(MediaReference source, string? kind, string project, string workDirectory, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var path = await resolver.GetLocalFileAsync(source, project, workDirectory, cancellationToken);
        var facts = await inspector.ProbeAsync(path, source.ToString(), kind, cancellationToken);
        return new PreparedMedia(path, facts.DurationSeconds ?? 0, facts.HasAudio);
    }
}
