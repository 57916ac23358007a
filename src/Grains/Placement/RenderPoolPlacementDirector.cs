using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orleans.Render.Grains.Placement;

/// <summary>
/// Puts a segment on a silo of its pool. Among the pool's silos (ordered by address) unit <c>i</c> of a job, attempt <c>a</c>
/// goes to silo <c>(i + a) mod n</c>: the units of one render spread over the pool, and a retry lands elsewhere.
/// </summary>
public sealed class RenderPoolPlacementDirector(RenderPools pools) : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var key = SegmentKey.Parse(target.GrainIdentity.Key.ToString()!);
        var silos = context.GetCompatibleSilos(target).Where(s => pools.Serves(s, key.Pool)).OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        if (silos.Length == 0)
        {
            throw new OrleansException($"No active silo serves the render pool '{key.Pool}'.");
        }

        return Task.FromResult(silos[(key.Index + key.Attempt) % silos.Length]);
    }
}
