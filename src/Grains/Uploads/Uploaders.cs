using Orleans.Render.Models.Uploads;

namespace Orleans.Render.Grains.Uploads;

/// <summary>
/// The registered uploader of each destination type. A type the API accepts without exactly one uploader is a
/// configuration error, not a network one: the silo refuses to start (<see cref="UploadersCheck"/>), and an upload to
/// such a type fails at once instead of retrying.
/// </summary>
public sealed class Uploaders(IEnumerable<IUploader> uploaders)
{
    private readonly ILookup<string, IUploader> byType = uploaders.ToLookup(u => u.Type, StringComparer.Ordinal);

    /// <summary>One sentence per destination type of <see cref="UploadDestinationTypes.All"/> without exactly one uploader.</summary>
    public IReadOnlyList<string> Problems { get; } = [.. UploadDestinationTypes.All.Select(type => Problem(uploaders, type)).OfType<string>()];

    /// <summary>The uploader for the destination's type; a permanent <see cref="UploadFailedException"/> when there is none.</summary>
    public IUploader For(UploadDestination destination) =>
        byType[destination.Type].ToList() is [var uploader]
            ? uploader
            : throw new UploadFailedException($"{Problem(byType[destination.Type], destination.Type)} The silo is misconfigured; another attempt cannot help.", permanent: true);

    private static string? Problem(IEnumerable<IUploader> candidates, string type) =>
        candidates.Count(u => u.Type == type) switch
        {
            1 => null,
            0 => $"No uploader is registered for '{type}' destinations.",
            var count => $"{count} uploaders are registered for '{type}' destinations.",
        };
}
