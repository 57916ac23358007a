using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Orleans.Render.Grains.Placement;

/// <summary>
/// Which silos serve which render pools. Each silo publishes its pools as silo metadata (<see cref="MetadataKey"/>,
/// comma-separated); this reads the local cache of every silo's metadata, so answering needs no remote call.
/// </summary>
public sealed class RenderPools(ISiloMetadataCache metadata, IClusterMembershipService membership)
{
    public const string MetadataKey = "render.pools";

    public bool Serves(SiloAddress silo, string pool) =>
        metadata.GetSiloMetadata(silo).Metadata.TryGetValue(MetadataKey, out var pools)
        && pools.Split(',', StringSplitOptions.TrimEntries).Contains(pool, StringComparer.Ordinal);

    public bool HasLiveSilo(string pool) => LiveSilos(pool) > 0;

    public int LiveSilos(string pool) =>
        membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active && Serves(m.SiloAddress, pool));
}
