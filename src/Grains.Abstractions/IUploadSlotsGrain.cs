namespace Orleans.Render;

/// <summary>
/// The async upload slots of one project (key = project uid): at most <c>Uploads:MaxConcurrentPerProject</c> uploads
/// hold one at a time; the others wait in order and are woken (<see cref="IUploadGrain.WakeAsync"/>) when one frees up.
/// </summary>
[Alias("render.v1.IUploadSlotsGrain")]
public interface IUploadSlotsGrain : IGrainWithStringKey
{
    /// <summary>True when <paramref name="upload"/> (an upload grain key) holds a slot; otherwise it is queued and false.</summary>
    [Alias("acquire")]
    Task<bool> AcquireAsync(string upload);

    /// <summary>Gives the slot (or the place in the queue) back.</summary>
    [Alias("release")]
    Task ReleaseAsync(string upload);
}
